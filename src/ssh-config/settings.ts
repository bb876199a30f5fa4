// From ssh_config keywords to hfleet's SSH settings: one converter per setting, each refusing what it cannot use.
import { HfleetError } from '../errors.js';
import type { HostKeyChecking, SshSettings } from '../inventory/types.js';
import { PATTERNS } from '../inventory/validate/checks.js';
import { expandPath, type TokenValues } from './tokens.js';

/** What a converter needs besides the keyword's words. */
export interface ConvertContext {
  /** `FILE: Host NAME`, the front of every message. */
  where: string;
  tokens: TokenValues;
  cwd: string;
}

/** One setting: the ssh_config keyword it comes from and how a value is read (undefined: leave as is). */
export interface SettingSource<K extends keyof SshSettings> {
  keyword: string;
  convert: (words: string[], ctx: ConvertContext) => SshSettings[K] | undefined;
}

const HINT = 'fix ~/.ssh/config, set the value in the inventory (it wins), or pass --ssh-config /dev/null';

// Throw the SSH_CONFIG error for a value hfleet cannot use.
export function refuse(ctx: ConvertContext, keyword: string, value: string, why: string): never {
  throw new HfleetError('SSH_CONFIG', `${ctx.where}: ${keyword} '${value}' ${why}`, { hint: HINT });
}

// An integer keyword within [min, max].
function integer(keyword: string, min: number, max: number) {
  return (words: string[], ctx: ConvertContext) => {
    const text = words[0] ?? '';
    const value = Number(text);
    if (!/^[0-9]+$/.test(text) || value < min || value > max)
      refuse(ctx, keyword, text, `is not an integer ${min}-${max}`);
    return value;
  };
}

// A path keyword: the first word, tokens and `~` expanded; `none` leaves the setting alone.
function path(keyword: string) {
  return (words: string[], ctx: ConvertContext) => {
    const text = words[0] ?? '';
    if (text.toLowerCase() === 'none') return undefined;
    const expanded = expandPath(text, ctx.tokens, ctx.cwd, `${ctx.where}: ${keyword}`);
    if (!PATTERNS.unitSafe.test(expanded)) refuse(ctx, keyword, text, 'is not a usable path');
    return expanded;
  };
}

const CHECKING: Record<string, HostKeyChecking> = {
  yes: 'strict',
  ask: 'strict',
  'accept-new': 'accept-new',
  no: 'off',
  off: 'off',
};

/** Where each setting comes from, in the order they are resolved (user and port first: paths use %r %p). */
export const SETTING_SOURCES: { [K in keyof SshSettings]?: SettingSource<K> } = {
  user: {
    keyword: 'User',
    convert: (words, ctx) => {
      const text = words[0] ?? '';
      if (!PATTERNS.loginName.test(text)) refuse(ctx, 'User', text, 'is not a valid login name');
      return text;
    },
  },
  port: { keyword: 'Port', convert: integer('Port', 1, 65535) },
  identityFile: { keyword: 'IdentityFile', convert: path('IdentityFile') },
  knownHosts: { keyword: 'UserKnownHostsFile', convert: path('UserKnownHostsFile') },
  hostKeyChecking: {
    keyword: 'StrictHostKeyChecking',
    convert: (words, ctx) => {
      const text = words[0] ?? '';
      const value = CHECKING[text.toLowerCase()];
      if (!value) refuse(ctx, 'StrictHostKeyChecking', text, 'is not yes, ask, accept-new, no or off');
      return value;
    },
  },
  jump: {
    keyword: 'ProxyJump',
    convert: (words, ctx) => {
      const text = words[0] ?? '';
      if (text.toLowerCase() === 'none') return undefined;
      if (text.includes(','))
        refuse(ctx, 'ProxyJump', text, 'has several hops; hfleet supports one jump host');
      return text.startsWith('ssh://') ? text.slice('ssh://'.length).replace(/\/$/, '') : text;
    },
  },
  connectTimeout: { keyword: 'ConnectTimeout', convert: integer('ConnectTimeout', 1, 600) },
};
