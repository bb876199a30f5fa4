// The `groups:` section: named sets of existing customers, each with vars of its own.
import type { HostVars } from './types.js';
import { checkId } from './validate/checks.js';
import { invalid, shown, type ValidationContext, type ValuePath } from './validate/context.js';
import { expectMap, expectStringList, optionalMap, requireKey } from './validate/expect.js';
import { parseVarsLayer } from './validate/var-fields.js';

/** A group as written. */
export interface GroupEntry {
  name: string;
  customers: string[];
  vars: Partial<HostVars>;
}

/** Every group in document order; each customer it names must exist in `customerIds`. */
export function parseGroups(
  ctx: ValidationContext,
  value: unknown,
  path: ValuePath,
  customerIds: ReadonlySet<string>,
): GroupEntry[] {
  return [...optionalMap(ctx, value, path)].map(([name, group]) => {
    const groupPath = [...path, name];
    checkId(ctx, name, groupPath);
    const map = expectMap(ctx, group, groupPath, ['customers', 'vars']);
    const customersPath = [...groupPath, 'customers'];
    const customers = expectStringList(
      ctx,
      requireKey(ctx, map, 'customers', groupPath),
      customersPath,
      (c, id, p) => {
        if (!customerIds.has(id)) invalid(c, p, `unknown customer ${shown(id)}`);
      },
    );
    return { name, customers, vars: parseVarsLayer(ctx, map.get('vars'), [...groupPath, 'vars']) };
  });
}
