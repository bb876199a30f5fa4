// Directives systemd added after 252 (the version of directive-table.ts) and up to 257, the newest hfleet
// supports: on 253-257 they work, on 252 and older systemd ignores them. Only these are version-dependent
// among unknown keys; keys 248-252 added are in the table (docs/lint.md lists them).

const EXEC = ['Service', 'Socket', 'Mount', 'Swap'];
const CGROUP = ['Service', 'Socket', 'Mount', 'Swap', 'Slice', 'Scope'];

/** Key -> the sections it belongs in. */
const NEWER: Readonly<Record<string, readonly string[]>> = {
  OpenFile: ['Service'],
  ReloadSignal: ['Service'],
  RestartMode: ['Service'],
  RestartSteps: ['Service'],
  RestartMaxDelaySec: ['Service'],
  SurviveFinalKillSignal: ['Unit'],
  WantsMountsFor: ['Unit'],
  ConditionKernelModuleLoaded: ['Unit'],
  AssertKernelModuleLoaded: ['Unit'],
  LogFilterPatterns: EXEC,
  RootImagePolicy: EXEC,
  MountImagePolicy: EXEC,
  ExtensionImagePolicy: EXEC,
  RootEphemeral: EXEC,
  ImportCredential: EXEC,
  SetLoginEnvironment: EXEC,
  PrivatePIDs: EXEC,
  MemoryZSwapMax: CGROUP,
  MemoryZSwapWriteback: CGROUP,
  MemoryPressureWatch: CGROUP,
  MemoryPressureThresholdSec: CGROUP,
  DelegateSubgroup: CGROUP,
  CoredumpReceive: CGROUP,
  NFTSet: CGROUP,
};

/** True when systemd 253-257 knows `key` in `[section]` although 252 does not. */
export function isNewerDirective(section: string, key: string): boolean {
  return NEWER[key]?.includes(section) ?? false;
}
