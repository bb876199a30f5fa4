// hfleet names (customers, hosts, groups) from Ansible names: lower case, other characters as '-'.

/** An hfleet id from an Ansible name. */
export function toId(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9_.-]/g, '-')
    .replace(/^[^a-z0-9]+/, '');
  return id === '' ? 'x' : id;
}

/** Hands out ids from names, each id once: `base`, else `base-2`, `base-3`... */
export class IdAllocator {
  private readonly taken = new Set<string>();
  private readonly byName = new Map<string, string>();

  /** The id of `name` (the same one every time it is asked). */
  idOf(name: string): string {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    const base = toId(name);
    let id = base;
    for (let n = 2; this.taken.has(id); n += 1) id = `${base}-${n}`;
    this.taken.add(id);
    this.byName.set(name, id);
    return id;
  }
}
