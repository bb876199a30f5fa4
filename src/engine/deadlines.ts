// The default deadlines of a run's round trips on a host, in seconds (each can be set on the command line).

/** One round trip that changes a host or takes its lock: restarting services on a loaded host is slow. */
export const STEP_TIMEOUT_SEC = 300;

/** The one read-only round trip of drift and status. */
export const READ_STEP_TIMEOUT_SEC = 60;
