// Rules for what a value may contain, so nothing from the inventory can change a unit's or a command's meaning.
import { invalid, shown, type ValidationContext, type ValuePath } from './context.js';
import { isValidMemoryMax } from './memory-max.js';

/** A check on one already-typed string value. */
export type StringCheck = (ctx: ValidationContext, value: string, path: ValuePath) => void;

const CONTROL_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029';
const CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`);

/** The value patterns of the checks below; the JSON Schema is generated from these same expressions. */
export const PATTERNS = {
  id: /^[a-z0-9][a-z0-9_.-]*$/,
  userName: /^[a-z_][a-z0-9_-]{0,31}$/,
  loginName: /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/,
  literalPath: /^\/[A-Za-z0-9._/-]*$/,
  unitStem: /^[a-zA-Z0-9:_.@-]+$/,
  dropinName: /^[A-Za-z0-9_.@-]+\.conf$/,
  address: /^[A-Za-z0-9_.:%-]+$/,
  /** One hop or several, first hop first: `[user@]host[:port][,[user@]host[:port]...]`. */
  jump: /^(?:(?:[A-Za-z_][A-Za-z0-9_.-]{0,31}@)?(?:[A-Za-z0-9_.-]+|\[[0-9A-Fa-f:.%]+\])(?::[0-9]{1,5})?(?:,|$))+$/,
  /** What checkUnitSafe lets through, as one expression: no control character, no edge whitespace or `\`. */
  unitSafe: new RegExp(`^(?!\\s)[^${CONTROL_CHARACTERS}]*(?<![\\s\\\\])$`),
} as const;

const ID = PATTERNS.id;
const USER_NAME = PATTERNS.userName;
const LOGIN_NAME = PATTERNS.loginName;
const LITERAL_PATH = PATTERNS.literalPath;
const UNIT_STEM = PATTERNS.unitStem;
const DROPIN_NAME = PATTERNS.dropinName;
const ADDRESS = PATTERNS.address;
const JUMP = PATTERNS.jump;

/**
 * Refuse text a unit file would read differently: control characters (newlines), a trailing `\`
 * (a line continuation), surrounding whitespace (systemd strips it).
 */
export const checkUnitSafe: StringCheck = (ctx, value, path) => {
  if (CONTROL.test(value)) invalid(ctx, path, 'must not contain a newline or other control character');
  if (value.endsWith('\\'))
    invalid(ctx, path, 'must not end with a backslash (a line continuation in a unit)');
  if (value !== value.trim()) invalid(ctx, path, 'must not start or end with whitespace');
};

/** A customer id, host name or group name: it becomes a file name and an audit entry. */
export const checkId: StringCheck = (ctx, value, path) => {
  if (!ID.test(value)) {
    invalid(
      ctx,
      path,
      `${shown(value)} must match ^[a-z0-9][a-z0-9_.-]*$ (lower case, digits, '_', '.', '-')`,
    );
  }
};

/** A customer's display name, as rendered into `Description=`. */
export const checkDisplayName: StringCheck = (ctx, value, path) => {
  checkUnitSafe(ctx, value, path);
  if (value.length === 0) invalid(ctx, path, 'must not be empty');
  if (value.length > 200) invalid(ctx, path, 'must be at most 200 characters');
  if (value.includes('%')) invalid(ctx, path, "must not contain '%' (a systemd specifier)");
};

/** A local system user name for `User=` (and `useradd`). */
export const checkUserName: StringCheck = (ctx, value, path) => {
  if (!USER_NAME.test(value))
    invalid(ctx, path, `${shown(value)} is not a valid user name (^[a-z_][a-z0-9_-]{0,31}$)`);
};

/** An SSH login name (a little wider than a local user name: upper case and '.' are common). */
export const checkLoginName: StringCheck = (ctx, value, path) => {
  if (!LOGIN_NAME.test(value)) invalid(ctx, path, `${shown(value)} is not a valid login name`);
};

/** An absolute, normalized path that systemd and sh both take literally. */
export const checkLiteralPath: StringCheck = (ctx, value, path) => {
  const segments = value.split('/').slice(1);
  const normalized =
    value === '/' || segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
  if (!LITERAL_PATH.test(value) || !normalized) {
    invalid(
      ctx,
      path,
      `${shown(value)} must be an absolute normalized path of [A-Za-z0-9._-] segments (no '..')`,
    );
  }
};

/** A `MemoryMax=` value systemd accepts. */
export const checkMemoryMax: StringCheck = (ctx, value, path) => {
  if (!isValidMemoryMax(value)) {
    invalid(
      ctx,
      path,
      `${shown(value)} is not a MemoryMax= systemd accepts (e.g. 900M, 1.5G, 1500000000, 50%, infinity)`,
    );
  }
};

/** A unit name without its `.service` suffix. */
export const checkUnitStem: StringCheck = (ctx, value, path) => {
  checkUnitSafe(ctx, value, path);
  if (value.endsWith('.service')) invalid(ctx, path, `${shown(value)}: write the name without '.service'`);
  if (!UNIT_STEM.test(value)) invalid(ctx, path, `${shown(value)} is not a unit name (^[a-zA-Z0-9:_.@-]+$)`);
};

/** The file name of a drop-in (`*.conf`). */
export const checkDropinName: StringCheck = (ctx, value, path) => {
  checkUnitSafe(ctx, value, path);
  if (!DROPIN_NAME.test(value)) invalid(ctx, path, `${shown(value)} is not a drop-in file name (NAME.conf)`);
};

/** A host address: an IP or DNS name, never something ssh could read as an option. */
export const checkAddress: StringCheck = (ctx, value, path) => {
  if (value.startsWith('-') || !ADDRESS.test(value) || value.length > 253) {
    invalid(ctx, path, `${shown(value)} is not an IP address or DNS name`);
  }
};

/** A ProxyJump-style jump host: `[user@]host[:port]`. */
export const checkJump: StringCheck = (ctx, value, path) => {
  const hops = value.split(',').map((hop) => /^(?:[^@]*@)?(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(hop));
  const bad = hops.some(
    (hop) =>
      !hop || (hop[1] ?? '').startsWith('-') || Number(hop[2] ?? 22) < 1 || Number(hop[2] ?? 22) > 65535,
  );
  if (!JUMP.test(value) || value.endsWith(',') || bad) {
    invalid(ctx, path, `${shown(value)} must be [user@]host[:port], or several of them separated by commas`);
  }
};
