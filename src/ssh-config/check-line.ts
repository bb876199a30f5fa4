// Refuse a line the way ssh refuses it (unknown keyword, bad value, extra words), whether or not its block
// applies: ssh checks every line of the file.

import { KNOWN_KEYWORDS, RAW_LINE_KEYWORDS } from './keywords.js';
import { type ConfigLine, configError } from './lex.js';
import { matchPatternList } from './patterns.js';
import { type Read, readChoice, readInteger, readJumpList, readPort, readTime } from './values.js';

type ServicePort = (name: string) => number | undefined;

// Readers of the keywords whose values hfleet uses (one word each).
const READERS: Record<string, (word: string, servicePort: ServicePort) => Read<unknown>> = {
  port: readPort,
  connecttimeout: readTime,
  serveraliveinterval: readTime,
  serveralivecountmax: readInteger,
  identitiesonly: (word) => readChoice('flag', word),
  batchmode: (word) => readChoice('flag', word),
  stricthostkeychecking: (word) => readChoice('stricthostkeychecking', word),
  addressfamily: (word) => readChoice('addressfamily', word),
  canonicalizehostname: (word) => readChoice('canonicalizehostname', word),
  proxyjump: (word, servicePort) =>
    word.toLowerCase() === 'none' || readJumpList(word, servicePort)
      ? { value: word }
      : { error: `Invalid ProxyJump "${word}"` },
};

/** Keywords that take exactly one word (ssh 9.2 reads ProxyJump's first word and ignores the others). */
const SINGLE_WORD = new Set([
  ...Object.keys(READERS).filter((keyword) => keyword !== 'proxyjump'),
  'hostname',
  'user',
  'identityfile',
  'certificatefile',
  'identityagent',
  'hostkeyalias',
  'ignoreunknown',
]);

/** Keywords that take a list of words of which `none` must stand alone. */
const FILE_LISTS = new Set(['userknownhostsfile', 'globalknownhostsfile']);

/** True when the line is to be used, false when IgnoreUnknown covers its unknown keyword; throws otherwise. */
export function checkLine(
  line: ConfigLine,
  servicePort: ServicePort,
  ignoreUnknown: string | undefined,
): boolean {
  const fail = (message: string) => configError(line.file, line.line, message);
  if (!KNOWN_KEYWORDS.has(line.keyword)) {
    if (ignoreUnknown !== undefined && matchPatternList(line.keyword, ignoreUnknown, true)) return false;
    throw fail(`Bad configuration option: ${line.keyword}`);
  }
  if (RAW_LINE_KEYWORDS.has(line.keyword)) return true;
  const [word, ...extra] = line.args;
  if (word === undefined || (word === '' && line.keyword !== 'include'))
    throw fail(`keyword ${line.keyword} missing argument`);
  if (SINGLE_WORD.has(line.keyword) && extra.length > 0)
    throw fail(`keyword ${line.keyword} extra arguments at end of line`);
  if (FILE_LISTS.has(line.keyword)) {
    if (line.args.some((arg) => arg === '')) throw fail(`keyword ${line.keyword} empty argument`);
    if (line.args.length > 1 && line.args.some((arg) => arg.toLowerCase() === 'none'))
      throw fail(`keyword ${line.keyword} "none" argument must appear alone.`);
  }
  const reader = READERS[line.keyword];
  const read = reader?.(word, servicePort);
  if (read && 'error' in read) throw fail(read.error);
  return true;
}
