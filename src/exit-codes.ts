/** hfleet's exit codes by meaning (README "Exit codes"): 0 ok, 1 bad input, 2 drift, 3 a host failed. */
export const EXIT = {
  ok: 0,
  badInput: 1,
  drift: 2,
  hostFailed: 3,
} as const;
