// Every hfleet command by name: its usage line and one-line description here, its module loaded only when it runs.
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

/** Sets the process exit code a command's handler decided on. */
export type SetExitCode = (code: number) => void;

/** Builds a command's yargs module (what a command file exports). */
// biome-ignore lint/suspicious/noExplicitAny: yargs modules differ in their argument types; the table holds them all.
export type CommandFactory = (setExitCode: SetExitCode) => CommandModule<any, any>;

/** One command: what `hfleet --help` lists without loading it, and how to load it. */
export interface CommandEntry {
  name: string;
  command: string;
  describe: string;
  load: () => Promise<CommandFactory>;
}

/** The commands in the order `hfleet --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'apply',
    command: 'apply [inventory]',
    describe: 'converge hosts to their rendered units and drop-ins; restart only what changed',
    load: async () => (await import('./commands/apply.js')).applyCommand,
  },
  {
    name: 'drift',
    command: 'drift [inventory]',
    describe:
      'report how hosts differ from their rendered units, drop-ins and wanted unit states (read-only)',
    load: async () => (await import('./commands/drift.js')).driftCommand,
  },
  {
    name: 'restart',
    command: 'restart [inventory]',
    describe: 'rolling restart: customer batches, each gated on health before the next',
    load: async () => (await import('./commands/restart.js')).restartCommand,
  },
  {
    name: 'status',
    command: 'status [inventory]',
    describe: 'is-active, /api/health, PID, memory, restarts and uptime of every service on every host',
    load: async () => (await import('./commands/status.js')).statusCommand,
  },
  {
    name: 'serve',
    command: 'serve [inventory]',
    describe: 'the fleet live in a browser (status, drift, history) and /metrics; read-only',
    load: async () => (await import('./commands/serve.js')).serveCommand,
  },
  {
    name: 'hosts',
    command: 'hosts [inventory]',
    describe: 'how each host will be reached and where each setting comes from (connects to nothing)',
    load: async () => (await import('./commands/hosts.js')).hostsCommand,
  },
  {
    name: 'render',
    command: 'render [inventory]',
    describe: "render every selected host's unit files and drop-ins into a local directory (no SSH)",
    load: async () => (await import('./commands/render.js')).renderCommand,
  },
  {
    name: 'lint',
    command: 'lint [targets..]',
    describe: 'lint the units rendered from an inventory, or unit/drop-in files (exit 1 on an error)',
    load: async () => (await import('./commands/lint.js')).lintCommand,
  },
  {
    name: 'logs',
    command: 'logs <targets..>',
    describe:
      "a service's journal on every selected host, each line prefixed with the host ([INVENTORY] SERVICE)",
    load: async () => (await import('./commands/logs.js')).logsCommand,
  },
  {
    name: 'history',
    command: 'history',
    describe: 'runs recorded on this machine: who, when, which hosts, exit code and summary',
    load: async () => (await import('./commands/history.js')).historyCommand,
  },
  {
    name: 'lab',
    command: 'lab <command>',
    describe: 'the local test fleet: systemd-nspawn hosts with real systemd and sshd (Linux, root)',
    load: async () => (await import('./commands/lab.js')).labCommand,
  },
  {
    name: 'demo',
    command: 'demo',
    describe: 'the whole job on the local fleet: boot 3 lab hosts if needed, then apply (Linux, root)',
    load: async () => (await import('./commands/demo.js')).demoCommand,
  },
  {
    name: 'import-ansible',
    command: 'import-ansible <source>',
    describe:
      'convert an Ansible inventory (YAML or INI) into an hfleet inventory; report what was not mapped',
    load: async () => (await import('./commands/import-ansible.js')).importAnsibleCommand,
  },
  {
    name: 'completion',
    command: 'completion',
    describe: 'print a bash or zsh completion script for hfleet',
    load: async () => (await import('./commands/completion.js')).completionCommand,
  },
];

/** The usage line and description of the named command, for its module to spread into its definition. */
export function commandHeader(name: string): { command: string; describe: string } {
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no command named ${name} in the command table`);
  return { command: entry.command, describe: entry.describe };
}

/** A command's yargs module: its usage line and description from this table, its options and what it does. */
export function defineCommand<Options>(
  name: string,
  builder: (yargs: Argv) => Argv<Options>,
  handler: (args: ArgumentsCamelCase<Options>) => void | Promise<void>,
): CommandModule<object, Options> {
  return { ...commandHeader(name), builder, handler };
}

/**
 * The commands an argument list may run: every word that names one (an option's value can be a command's
 * name, as in `--limit status apply`; yargs decides which runs). Empty for help and version.
 */
export function commandsInArguments(argv: readonly string[]): CommandEntry[] {
  return COMMANDS.filter((entry) => argv.includes(entry.name));
}
