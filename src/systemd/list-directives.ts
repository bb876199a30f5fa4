// Which directives accumulate across assignments (and are reset by an empty one) rather than override.

const LIST_DIRECTIVES: ReadonlySet<string> = new Set([
  // [Unit] dependencies and documentation
  'After',
  'Before',
  'Wants',
  'Requires',
  'Requisite',
  'BindsTo',
  'PartOf',
  'Upholds',
  'Conflicts',
  'OnFailure',
  'OnSuccess',
  'PropagatesReloadTo',
  'ReloadPropagatedFrom',
  'PropagatesStopTo',
  'StopPropagatedFrom',
  'JoinsNamespaceOf',
  'RequiresMountsFor',
  'Documentation',
  // [Service] commands
  'ExecCondition',
  'ExecStartPre',
  'ExecStart',
  'ExecStartPost',
  'ExecReload',
  'ExecStop',
  'ExecStopPost',
  // [Service] execution environment
  'Environment',
  'EnvironmentFile',
  'PassEnvironment',
  'UnsetEnvironment',
  'SupplementaryGroups',
  'ReadWritePaths',
  'ReadOnlyPaths',
  'InaccessiblePaths',
  'ExecPaths',
  'NoExecPaths',
  'BindPaths',
  'BindReadOnlyPaths',
  'TemporaryFileSystem',
  'DeviceAllow',
  'LoadCredential',
  'LoadCredentialEncrypted',
  'SetCredential',
  'SetCredentialEncrypted',
  'Sockets',
  'RestartPreventExitStatus',
  'RestartForceExitStatus',
  'SuccessExitStatus',
  // [Timer]
  'OnCalendar',
  'OnActiveSec',
  'OnBootSec',
  'OnStartupSec',
  'OnUnitActiveSec',
  'OnUnitInactiveSec',
  // [Install]
  'WantedBy',
  'RequiredBy',
  'Also',
  'Alias',
]);

/** True when assignments of this key add to a list (Condition* and Assert* included) instead of replacing it. */
export function isListDirective(key: string): boolean {
  return LIST_DIRECTIVES.has(key) || key.startsWith('Condition') || key.startsWith('Assert');
}
