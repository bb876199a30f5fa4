// Types of write-newer-directives.mjs for the TypeScript tests.

/** The section lists written once by name. */
export const SECTION_GROUPS: Record<string, string[]>;
/** The TypeScript source of newer-directives.ts for these two roots. */
export function newerDirectivesSource(tableRoot: string, newestRoot: string): string;
