// The typed inventory every other module works with; only the loader ever sees raw YAML.

/** How a host's SSH host key is checked against known_hosts. */
export type HostKeyChecking = 'strict' | 'accept-new' | 'off';

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
