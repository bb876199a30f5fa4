// Settings whose value is one or more file system paths, read as systemd 252 reads them (systemd.exec(5),
// systemd.path(5), systemd.socket(5), systemd.unit(5)): the directories systemd creates for a service (`StateDirectory=`...) are
// relative to their base (`/var/lib/`...), the others are absolute, and none may step up with `..`. systemd
// ignores such a word (or the whole value for the single-path settings) and says so. A word that still holds a
// `%` specifier is not judged: a miss costs less than a false error.
import { splitQuotedWords } from './quoted-words.js';

/** The directories systemd creates under /run, /var/lib, /var/cache, /var/log and /etc, named relative to them. */
const EXEC_DIRECTORIES = new Set([
  'RuntimeDirectory',
  'StateDirectory',
  'CacheDirectory',
  'LogsDirectory',
  'ConfigurationDirectory',
]);
/** Lists of absolute paths, each with optional `-` (ignore if missing) and `+` (relative to the root) prefixes. */
const NAMESPACE_PATHS = new Set([
  ...['ReadWritePaths', 'ReadOnlyPaths', 'InaccessiblePaths', 'ExecPaths', 'NoExecPaths'],
  ...['ReadWriteDirectories', 'ReadOnlyDirectories', 'InaccessibleDirectories'],
]);
/** A socket's file system listeners: one absolute path each. */
const LISTEN_PATHS = new Set(['ListenFIFO', 'ListenSpecial', 'ListenMessageQueue', 'ListenUSBFunction']);
/** The [Path] settings: one absolute path each. */
const WATCHED_PATHS = new Set([
  'PathExists',
  'PathExistsGlob',
  'PathChanged',
  'PathModified',
  'DirectoryNotEmpty',
]);

/** What systemd says when it ignores (part of) `key=value` for one of these settings, or undefined. */
export function pathValueProblem(section: string, key: string, value: string): string | undefined {
  if (EXEC_DIRECTORIES.has(key)) return execDirectoryProblem(key, value);
  if (NAMESPACE_PATHS.has(key)) {
    const words = splitQuotedWords(value) ?? [];
    for (const word of words) {
      const problem = absolutePathProblem(key, word.replace(/^-/, '').replace(/^\+/, ''));
      if (problem) return problem;
    }
  }
  if (key === 'BindPaths' || key === 'BindReadOnlyPaths') return bindPathsProblem(key, value);
  if (key === 'TemporaryFileSystem')
    for (const word of splitQuotedWords(value) ?? []) {
      const problem = word.includes('\\') ? undefined : absolutePathProblem(key, word.split(':')[0] ?? '');
      if (problem) return problem;
    }
  if (key === 'RequiresMountsFor' && section === 'Unit')
    for (const word of splitQuotedWords(value) ?? []) {
      const problem = absolutePathProblem(key, word);
      if (problem) return problem;
    }
  if (section === 'Path' && WATCHED_PATHS.has(key)) return absolutePathProblem(key, value.trim());
  if (section === 'Socket' && LISTEN_PATHS.has(key)) return absolutePathProblem(key, value.trim());
  return undefined;
}

/** True when a [Path] unit's watched path is one systemd takes (absolute, or left to a specifier). */
export function isWatchablePath(value: string): boolean {
  return absolutePathProblem('', value.trim()) === undefined;
}

// An absolute path without `..`, as path_simplify_and_warn(PATH_CHECK_ABSOLUTE) wants it.
function absolutePathProblem(key: string, path: string): string | undefined {
  if (path.startsWith('%')) return undefined;
  if (!path.startsWith('/')) return `${key}= path is not absolute, ignoring: ${path}`;
  if (stepsUp(path)) return `${key}= path is not normalized, ignoring: ${path}`;
  return undefined;
}

// RuntimeDirectory= and the others: words `NAME[:LINK]`, both relative, neither stepping up nor `private`.
function execDirectoryProblem(key: string, value: string): string | undefined {
  for (const word of splitQuotedWords(value) ?? []) {
    if (word.includes('%') || word.includes('\\')) continue;
    for (const path of word.split(':').slice(0, 2)) {
      if (path.startsWith('/')) return `${key}= path is absolute, ignoring: ${path}`;
      if (stepsUp(path) || /^\.\/*$/.test(path)) return `${key}= path is not normalized, ignoring: ${path}`;
    }
    if (/^private(\/|$)/.test(word)) return `${key}= path can't be 'private', ignoring assignment: ${word}`;
  }
  return undefined;
}

// BindPaths=: words `[-]SOURCE[:DESTINATION[:OPTIONS]]`, both paths absolute, the options rbind or norbind.
function bindPathsProblem(key: string, value: string): string | undefined {
  for (const word of splitQuotedWords(value) ?? []) {
    if (word.includes('\\')) continue;
    const [source = '', destination, options] = word.replace(/^-/, '').split(':');
    const problem =
      absolutePathProblem(key, source) ??
      (destination === undefined ? undefined : absolutePathProblem(key, destination));
    if (problem) return problem;
    if (options !== undefined && options !== 'rbind' && options !== 'norbind')
      return `Invalid option string, ignoring setting: ${options}`;
  }
  return undefined;
}

// A `..` component: systemd does not resolve it, it refuses the path as not normalized.
function stepsUp(path: string): boolean {
  return path.split('/').includes('..');
}
