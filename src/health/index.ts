// Health: the one definition of a healthy unit, the endpoint probe and the settle window, for every command.
export {
  activeAsTypeMeans,
  describeState,
  HEALTHY_STATE_PATTERNS,
  stateKey,
  type UnitState,
  unitKind,
  unitStateOf,
} from './active-state.js';
export {
  describeProbe,
  type Endpoint,
  PROBE_BASH,
  PROBE_FUNCTION,
  PROBE_TIMEOUT_SEC,
  type ProbeOutcome,
  parseProbeLines,
  probeCode,
  probeCommand,
  probeHealthy,
  probeOutcome,
  probeWord,
} from './probe.js';
export { activeForSec, judgeReading } from './reading.js';
export { DEFAULT_SETTLE_SEC, unsettledReason } from './settle.js';
export { CRASH_LOOP_WINDOW_SEC, type UnitTrouble, unitTrouble } from './trouble.js';
export { type HealthEvidence, type HealthVerdict, judgeHealth } from './verdict.js';
