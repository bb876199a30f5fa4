// Resolve an ssh config for one destination exactly as OpenSSH 9.2's client reads it: lines in order, the
// first value of a keyword wins, `Host` / `Match` / `Include` as ssh evaluates them, and a second pass after
// `Match final` or CanonicalizeHostName.

import { checkLine } from './check-line.js';
import type { ResolveEnvironment } from './environment.js';
import { includedFiles, isAddressLiteral } from './include.js';
import { type ConfigLine, configError, lexConfig, matchWords } from './lex.js';
import { matchPattern, matchPatternList } from './patterns.js';
import { clientTokens, percentExpand } from './tokens.js';

/** Where a value was read: a config file and line, or `inventory` / `default`. */
export interface Origin {
  file: string;
  line: number;
}

/** A keyword's words and where they came from. */
export interface Found {
  args: string[];
  origin: Origin;
}

/** What the config says for one destination. */
export interface Resolution {
  /** The destination as given (`%n`). */
  original: string;
  /** After HostName (`%h` in it), lower-cased unless an IP address: what ssh connects to. */
  host: string;
  /** First-wins keywords (lower case) with their words; IdentityFile / CertificateFile are in `lists`. */
  values: Map<string, Found>;
  /** IdentityFile and CertificateFile: every distinct value in order. */
  lists: { identityfile: Found[]; certificatefile: Found[] };
  /** True when a block other than `Host *` or `Match all` applied. */
  specific: boolean;
  /** Every keyword set on an applying line, first place (for reporting what hfleet does not honour). */
  seen: Map<string, Origin>;
}

/** Values set before the config is read, like ssh's command line (`-l`, `-p`, `-J`, `-i`, `-o`). */
export type Preset = ReadonlyMap<string, Found>;

interface Pass {
  env: ResolveEnvironment;
  hostArg: string;
  /** What `Host` patterns are matched against (the destination; the final host in the final pass). */
  subject: string;
  final: boolean;
  wantFinal: boolean;
  result: Resolution;
}

const MAX_INCLUDE_DEPTH = 16;

function first(result: Resolution, keyword: string): string | undefined {
  return result.values.get(keyword)?.args[0];
}

// Record an applying line's value by ssh's precedence rules.
function setValue(pass: Pass, line: ConfigLine): void {
  const { result } = pass;
  const origin = { file: line.file, line: line.line };
  if (!result.seen.has(line.keyword)) result.seen.set(line.keyword, origin);
  const keyword = line.keyword;
  if (keyword === 'identityfile' || keyword === 'certificatefile') {
    const list = result.lists[keyword];
    const value = line.args[0] ?? '';
    if (!list.some((found) => found.args[0] === value)) list.push({ args: [value], origin });
    return;
  }
  if (keyword === 'proxycommand') {
    if (!result.values.has('proxyjump') && !result.values.has('proxycommand'))
      result.values.set('proxycommand', { args: [line.rest.replace(/^[ \t=]+/, '')], origin });
    return;
  }
  if (keyword === 'proxyjump') {
    if (result.values.has('proxycommand') || result.values.has('proxyjump')) return;
    const value = line.args[0] ?? '';
    result.values.set('proxyjump', { args: [value], origin });
    if (value.toLowerCase() !== 'none') result.values.set('proxycommand', { args: ['none'], origin });
    return;
  }
  if (!result.values.has(keyword)) result.values.set(keyword, { args: line.args, origin });
}

// The host name `Match host` compares: HostName with %h expanded (the final host in the final pass).
function matchHost(pass: Pass): string {
  if (pass.final) return first(pass.result, 'hostname') ?? pass.hostArg;
  const hostName = first(pass.result, 'hostname');
  return hostName === undefined ? pass.hostArg : percentExpand(hostName, { h: pass.hostArg }, 'HostName');
}

// Whether a `Match` line applies; throws on criteria ssh refuses.
function matchApplies(pass: Pass, line: ConfigLine): boolean {
  const words = matchWords(line.rest);
  const bad = (message: string) => configError(line.file, line.line, `Bad Match condition: ${message}`);
  let result = true;
  let attributes = 0;
  for (let i = 0; i < words.length; i++) {
    const raw = words[i] as string;
    if (raw.startsWith('#')) break;
    const negate = raw.startsWith('!');
    const attribute = (negate ? raw.slice(1) : raw).toLowerCase();
    if (attribute === 'all') {
      if (attributes > 1 || (words[i + 1] !== undefined && !words[i + 1]?.startsWith('#')))
        throw bad(`'${raw}' cannot be combined with other Match attributes`);
      return result && !negate;
    }
    attributes++;
    if (attribute === 'canonical' || attribute === 'final') {
      if (attribute === 'final' && !negate) pass.wantFinal = true;
      if (pass.final === negate) result = false;
      continue;
    }
    const argument = words[++i];
    if (argument === undefined || argument.startsWith('#'))
      throw bad(`missing Match criteria for ${attribute}`);
    const user = first(pass.result, 'user') ?? pass.env.localUser;
    let matched: boolean;
    if (attribute === 'host') matched = matchPatternList(matchHost(pass).toLowerCase(), argument, true);
    else if (attribute === 'originalhost')
      matched = matchPatternList(pass.hostArg.toLowerCase(), argument, true);
    else if (attribute === 'user') matched = matchPatternList(user, argument, false);
    else if (attribute === 'localuser') matched = matchPatternList(pass.env.localUser, argument, false);
    else if (attribute === 'exec') {
      if (!result) continue;
      matched = runMatchExec(pass, line, argument, user);
    } else throw bad(`unsupported Match attribute ${attribute}`);
    if (matched === negate) result = false;
  }
  if (attributes === 0) throw bad('one or more attributes required for Match');
  return result;
}

// Run a `Match exec` command with ssh's tokens; it matches when it exits 0.
function runMatchExec(pass: Pass, line: ConfigLine, command: string, user: string): boolean {
  const portText = first(pass.result, 'port');
  const port = portText === undefined ? 22 : Number(portText);
  const tokens = clientTokens(
    {
      host: matchHost(pass),
      originalHost: pass.hostArg,
      user,
      port: Number.isNaN(port) ? 22 : port,
      hostKeyAlias: first(pass.result, 'hostkeyalias'),
    },
    pass.env,
  );
  const { T: _unused, ...execTokens } = tokens;
  const expanded = percentExpand(command, execTokens, `${line.file}:${line.line}: Match exec`);
  const status = pass.env.runExec(expanded);
  if (status === undefined) throw configError(line.file, line.line, `match exec '${expanded}' error`);
  return status === 0;
}

// Whether a `Host` line applies: some pattern matches and no negated one does.
function hostApplies(pass: Pass, line: ConfigLine): boolean {
  let applies = false;
  for (const pattern of line.args) {
    if (pattern === '') throw configError(line.file, line.line, 'keyword host empty argument');
    const negated = pattern.startsWith('!');
    if (!matchPattern(pass.subject, negated ? pattern.slice(1) : pattern)) continue;
    if (negated) return false;
    applies = true;
  }
  return applies;
}

// Read one file's lines into the pass; `active` is the state carried in from the including file.
function readInto(
  pass: Pass,
  file: string,
  text: string,
  active: boolean,
  neverMatch: boolean,
  depth: number,
) {
  let state = active;
  const ignoreUnknown = () => first(pass.result, 'ignoreunknown');
  for (const line of lexConfig(text, file)) {
    if (line.keyword === 'host') {
      const applies = hostApplies(pass, line);
      state = !neverMatch && applies;
      if (state && !line.args.every((pattern) => pattern === '*')) pass.result.specific = true;
      continue;
    }
    if (line.keyword === 'match') {
      const applies = matchApplies(pass, line);
      state = !neverMatch && applies;
      const matchAll = line.args.map((word) => word.toLowerCase()).join(' ') === 'all';
      if (state && !matchAll) pass.result.specific = true;
      continue;
    }
    if (!checkLine(line, pass.env.servicePort, ignoreUnknown())) continue;
    if (line.keyword === 'include') {
      if (depth >= MAX_INCLUDE_DEPTH)
        throw configError(line.file, line.line, 'too many recursive configuration includes');
      for (const argument of line.args) {
        for (const included of includedFiles(argument, pass.env)) {
          if (!pass.env.sshReadsConfig(included))
            throw configError(line.file, line.line, `Bad owner or permissions on ${included}`);
          const includedText = pass.env.readText(included) ?? '';
          readInto(pass, included, includedText, state, neverMatch || !state, depth + 1);
        }
      }
      continue;
    }
    if (state) setValue(pass, line);
  }
}

// The host ssh connects to after the first pass: HostName with %h, lower-cased unless an address.
function finalHost(result: Resolution): string {
  const hostName = first(result, 'hostname');
  const origin = result.values.get('hostname')?.origin;
  const where = origin ? `${origin.file}:${origin.line}: HostName` : 'HostName';
  const host =
    hostName === undefined ? result.original : percentExpand(hostName, { h: result.original }, where);
  return isAddressLiteral(host) ? host : host.toLowerCase();
}

/** What a resolution reads: the config file and text, the destination, and settings made before reading. */
export interface ResolveRequest {
  file: string;
  text: string;
  destination: string;
  preset?: Preset;
  env: ResolveEnvironment;
}

/** Resolve the config for one destination; throws `FILE:LINE: message` where ssh would refuse the config. */
export function resolveConfig(request: ResolveRequest): Resolution {
  const result: Resolution = {
    original: request.destination,
    host: request.destination,
    values: new Map(request.preset ?? []),
    lists: { identityfile: [], certificatefile: [] },
    specific: false,
    seen: new Map(),
  };
  const presetIdentity = request.preset?.get('identityfile');
  if (presetIdentity) result.lists.identityfile.push(presetIdentity);
  result.values.delete('identityfile');
  const pass: Pass = {
    env: request.env,
    hostArg: request.destination,
    subject: request.destination,
    final: false,
    wantFinal: false,
    result,
  };
  readInto(pass, request.file, request.text, true, false, 0);
  result.host = finalHost(result);
  const canonicalize = first(result, 'canonicalizehostname');
  const canonicalizing = canonicalize !== undefined && !['no', 'false'].includes(canonicalize.toLowerCase());
  if (pass.wantFinal || canonicalizing) {
    const origin = result.values.get('hostname')?.origin ?? { file: request.file, line: 0 };
    result.values.set('hostname', { args: [result.host], origin });
    readInto({ ...pass, subject: result.host, final: true }, request.file, request.text, true, false, 0);
  }
  return result;
}
