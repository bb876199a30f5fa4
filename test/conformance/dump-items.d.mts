// Types of dump-items.mjs for the TypeScript tests.

/** Section name -> key -> the kind of value systemd parses it as. */
export type ConfigurationItems = Map<string, Map<string, string>>;

/** The systemd binary inside `root` ('/' for this machine). */
export function systemdBinary(root?: string): string;
/** The major version of the systemd inside `root`. */
export function systemdVersion(root?: string): number;
/** Parse a `--dump-configuration-items` output. */
export function parseItems(dump: string): ConfigurationItems;
/** The configuration items of the systemd inside `root`. */
export function dumpItems(root?: string): ConfigurationItems;
/** Key -> the sections where `newer` knows it and `older` does not. */
export function addedKeys(older: ConfigurationItems, newer: ConfigurationItems): Map<string, string[]>;
