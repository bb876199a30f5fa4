// The exit codes of CONTRACT.md, by meaning.
export const EXIT = {
  ok: 0,
  badInput: 1,
  drift: 2,
  hostFailed: 3,
} as const;
