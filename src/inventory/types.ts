// The typed inventory every other module works with; only the loader ever sees raw YAML.

/** How a host's SSH host key is checked against known_hosts. */
export type HostKeyChecking = 'strict' | 'accept-new' | 'off';

/** What carries the connection: the built-in ssh2 client, or the system's OpenSSH `ssh`. */
export type TransportKind = 'ssh2' | 'openssh';

/** A jump host resolved as a host of its own: its own address, user, keys, known_hosts and route. */
export interface SshHop {
  /** The name it was given in ProxyJump / `jump` (for messages). */
  host: string;
  address: string;
  ssh: SshSettings;
}

/** Connection settings of one host, after precedence (defaults < customer ssh < host fields). */
export interface SshSettings {
  user: string;
  port: number;
  /** Absolute path (a leading `~` is expanded by the loader); undefined: ssh-agent / default keys. */
  identityFile: string | undefined;
  /** Absolute path of the known_hosts file. */
  knownHosts: string;
  hostKeyChecking: HostKeyChecking;
  /** ProxyJump-style jump host: `[user@]host[:port]`, or undefined. */
  jump: string | undefined;
  /** Run remote commands through `sudo -n` (for a non-root login user). */
  become: boolean;
  /** Seconds to wait for the TCP+SSH handshake. */
  connectTimeout: number;
  /** What carries the connection (default ssh2). */
  transport?: TransportKind;
  /** Every identity file in order, as ssh offers them (`*.pub`: that key from the agent); from the ssh config. */
  identityFiles?: string[];
  /** Offer only the identity files' keys, not every agent key (IdentitiesOnly). */
  identitiesOnly?: boolean;
  /** The agent socket path, or `none` (IdentityAgent); undefined: SSH_AUTH_SOCK. */
  identityAgent?: string;
  /** Certificate files (CertificateFile), used by the OpenSSH transport. */
  certificateFiles?: string[];
  /** Further known_hosts files read (not written) after knownHosts: the rest of UserKnownHostsFile, the global ones. */
  moreKnownHosts?: string[];
  /** The name host keys are looked up under instead of the address (HostKeyAlias). */
  hostKeyAlias?: string;
  /** Seconds between keepalives and how many may go unanswered (ServerAliveInterval / ServerAliveCountMax). */
  serverAlive?: { interval: number; countMax: number };
  /** Which IP version to connect with (AddressFamily; default any). */
  addressFamily?: 'any' | 'inet' | 'inet6';
  /** The command whose stdin/stdout is the connection (ProxyCommand, tokens expanded), run by `/bin/sh -c`. */
  proxyCommand?: string;
  /** The jump host the connection goes through (the last hop of ProxyJump; it carries its own route). */
  via?: SshHop;
  /** For the OpenSSH transport: the ssh config file read, and the destination ssh is given. */
  openssh?: { configFile: string | undefined; destination: string };
  /** Why hfleet cannot connect to this host as configured (`FILE:LINE: ...`): connecting fails with it. */
  unusable?: string;
  /** Where each value came from, by setting name: `FILE:LINE`, `inventory` or `default`. */
  origins?: Record<string, string>;
}

/** The variables a host's units are rendered from, after precedence (defaults < group < customer < host). */
export interface HostVars {
  install_dir: string;
  data_dir: string;
  memory_max: string;
  run_as: string;
  private_tmp: boolean;
  /** Core services, e.g. `hub-platform`, `hub-cloud` (without `.service`). */
  services: string[];
  /** Companions, e.g. `dbt-run`, `hub-scheduler`: listed = installed and enabled; absent = disabled. */
  companions: string[];
  /** Drop-in file names hfleet leaves alone and drift does not report (default `er-limits.conf`). */
  known_dropins: string[];
  /** Seconds a service has to become active and answer `/api/health` with 200. */
  health_timeout: number;
  /** systemd `OnCalendar=` of the nightly dbt timer. */
  dbt_schedule: string;
  /** Free-form variables for custom playbooks (scalars or lists of scalars). */
  extra: Record<string, string | number | boolean | string[]>;
}

/** One managed server. */
export interface Host {
  /** Unique across the whole inventory. */
  name: string;
  /** The customer id this host belongs to. */
  customer: string;
  /** The customer's display name, as rendered into `Description=`. */
  displayName: string;
  address: string;
  /** Names of the groups whose customers include this host's customer. */
  groups: string[];
  ssh: SshSettings;
  /** The SSH settings the inventory set for this host at any level (the rest are defaults). */
  sshExplicit?: (keyof SshSettings)[];
  vars: HostVars;
}

/** A customer: an id, a display name and its hosts, in inventory order. */
export interface Customer {
  id: string;
  displayName: string;
  hosts: Host[];
}

/** A named set of customers. */
export interface Group {
  name: string;
  customers: string[];
}

/** A loaded, validated inventory. */
export interface Inventory {
  /** The path it was loaded from, as given (used in messages). */
  file: string;
  customers: Customer[];
  groups: Group[];
  /** Every host, customers in inventory order, then hosts in inventory order. */
  hosts: Host[];
}
