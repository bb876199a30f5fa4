// `hfleet completion`: print a bash or zsh script that completes hfleet's commands and options.
import { HfleetError } from '../../errors.js';
import { defineCommand, type SetExitCode } from '../command-table.js';

/** The shells a script exists for. */
export const COMPLETION_SHELLS = ['bash', 'zsh'] as const;
type Shell = (typeof COMPLETION_SHELLS)[number];

interface CompletionArgs {
  shell: string | undefined;
}

/** The shell to write for: the option, else the login shell ($SHELL), else bash. */
export function shellFor(option: string | undefined, loginShell: string | undefined): Shell {
  if (option !== undefined) {
    if ((COMPLETION_SHELLS as readonly string[]).includes(option)) return option as Shell;
    throw new HfleetError('USAGE', `--shell ${option}: no completion script for this shell`, {
      hint: `use one of: ${COMPLETION_SHELLS.join(', ')}`,
    });
  }
  return loginShell?.endsWith('/zsh') || loginShell === 'zsh' ? 'zsh' : 'bash';
}

/** The script: it asks `hfleet --get-yargs-completions WORDS...` for the candidates (yargs answers that). */
export function completionScript(shell: Shell, program = 'hfleet'): string {
  const fn = `_${program.replace(/[^A-Za-z0-9_]/g, '_')}_completions`;
  if (shell === 'zsh') {
    return `#compdef ${program}
# ${program} completion for zsh: add to ~/.zshrc:  source <(${program} completion --shell zsh)
${fn}() {
  local reply
  local si=$IFS
  IFS=$'\\n' reply=($(COMP_CWORD="$((CURRENT-1))" COMP_LINE="$BUFFER" COMP_POINT="$CURSOR" ${program} --get-yargs-completions "\${words[@]}"))
  IFS=$si
  _describe 'values' reply
}
compdef ${fn} ${program}
`;
  }
  return `# ${program} completion for bash: add to ~/.bashrc:  source <(${program} completion --shell bash)
${fn}() {
  local cur_word args type_list
  cur_word="\${COMP_WORDS[COMP_CWORD]}"
  args=("\${COMP_WORDS[@]}")
  type_list=$(${program} --get-yargs-completions "\${args[@]}")
  COMPREPLY=( $(compgen -W "\${type_list}" -- "\${cur_word}") )
  if [ \${#COMPREPLY[@]} -eq 0 ]; then
    COMPREPLY=()
  fi
  return 0
}
complete -o bashdefault -o default -F ${fn} ${program}
`;
}

/** The yargs module of `hfleet completion`. */
export function completionCommand(_setExitCode: SetExitCode) {
  return defineCommand<CompletionArgs>(
    'completion',
    (yargs) =>
      yargs
        .option('shell', {
          type: 'string',
          choices: [...COMPLETION_SHELLS],
          describe: 'the shell to write the script for (default: from $SHELL)',
        })
        .example('source <($0 completion)', 'complete hfleet in this shell')
        .example('$0 completion --shell bash >> ~/.bashrc', 'install it for bash')
        .example('$0 completion --shell zsh > ~/.zfunc/_hfleet', 'install it for zsh (fpath)'),
    (args) => {
      process.stdout.write(completionScript(shellFor(args.shell, process.env['SHELL'])));
    },
  );
}
