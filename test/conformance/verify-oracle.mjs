// The oracle of lint conformance: what `systemd-analyze verify --man=no --generators=no` says about each
// unit file, sorted into what systemd does with the file (accepts it, accepts it with a notice, or refuses
// or ignores part of it). Messages about this machine rather than the file are set aside.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Messages about the machine verify runs on, not about the file: a command or a dependency that is not
 * installed here, file modes of the extracted copy, a unit the machine's own directories provide.
 */
const ENVIRONMENT = [
  /is not executable: /,
  /[Nn]ot found\.?$/,
  /No such file or directory/,
  /Failed to create \S+\/\S+: /,
  /is marked (executable|world-writable|world-inaccessible)/,
  /Failed to add dependency on /,
  /Cannot add dependency job/,
  /Unit is bound to inactive unit/,
  /not loaded, socket cannot be started/,
];

/** Messages after which systemd still loads the whole setting as written or converts it itself. */
const NOTICES = [
  /is obsolete, automatically updating to /,
  /references a path below legacy directory/,
  /Unit uses KillMode=none/,
  /Special user nobody configured, this is not safe/,
  /Ignoring unknown escape sequences: /,
  /Specifier '%.' used in unit configuration, which is deprecated/,
  /is deprecated, please use /,
  /Unit uses \S+; please use \S+ instead/,
  /please update the unit file accordingly/,
  /is deprecated and will be removed/,
];

/** How systemd took one file, with the messages that decided it. */
export function classifyMessages(messages) {
  const relevant = messages.filter((message) => !ENVIRONMENT.some((pattern) => pattern.test(message)));
  const refusals = relevant.filter((message) => !NOTICES.some((pattern) => pattern.test(message)));
  if (refusals.length > 0) return { verdict: 'rejects', messages: refusals };
  if (relevant.length > 0) return { verdict: 'notice', messages: relevant };
  return { verdict: 'accepts', messages: [] };
}

/**
 * Run verify over unit files (each directory in one run, so that units of one package see each other)
 * and return, per path, its verdict and messages. Messages name a file by path or a unit by name.
 */
export function verifyUnitFiles(paths) {
  const byDirectory = new Map();
  for (const file of paths.map((p) => path.resolve(p))) {
    const dir = path.dirname(file);
    byDirectory.set(dir, [...(byDirectory.get(dir) ?? []), file]);
  }
  const results = new Map();
  for (const files of byDirectory.values()) {
    for (const [file, messages] of verifyBatch(files)) results.set(file, classifyMessages(messages));
  }
  return results;
}

function verifyBatch(files) {
  const run = spawnSync('systemd-analyze', ['verify', '--man=no', '--generators=no', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  const byName = new Map(files.map((file) => [path.basename(file), file]));
  const messages = new Map(files.map((file) => [file, []]));
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
    const owner = ownerOf(line, messages, byName);
    if (owner) messages.get(owner).push(line.trim());
  }
  return messages;
}

// The file a message is about: `PATH:LINE: ...`, `NAME: ...` or `Unit NAME ...`; undefined otherwise.
function ownerOf(line, byPath, byName) {
  const located = /^(\/\S+?):\d+: /.exec(line);
  if (located) return byPath.has(located[1]) ? located[1] : undefined;
  const named = /^(?:Unit )?([^\s:/]+\.[a-z]+)[: ]/.exec(line);
  return named ? byName.get(named[1]) : undefined;
}
