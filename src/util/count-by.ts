// Counting items by a field whose values are known up front (host statuses, states).

/** How many items have each of `keys` as their `keyOf`, in the order of `keys` (zero for those none has). */
export function countBy<T, K extends string>(
  items: readonly T[],
  keyOf: (item: T) => K,
  keys: readonly K[],
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const item of items) counts[keyOf(item)]++;
  return counts;
}
