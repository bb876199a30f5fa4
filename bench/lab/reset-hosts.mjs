// Put lab hosts back to the base install before a "first run": hfleet's (or Ansible's) files, user and
// ownership removed, units stopped, systemd reloaded. Runs inside the hosts (not over SSH), all at once.
import { labExec } from '../../dist/lab/index.js';

const UNITS = [
  'hub-platform.service',
  'hub-cloud.service',
  'hub-scheduler.service',
  'dbt-run.service',
  'dbt-run.timer',
];
const UNIT_DIR = '/etc/systemd/system';

/** The script that undoes a converge (leaving the install's own er-limits.conf drop-in alone). */
export const RESET_SCRIPT = [
  `systemctl disable --now ${UNITS.join(' ')} >/dev/null 2>&1`,
  `rm -f ${UNITS.map((unit) => `${UNIT_DIR}/${unit}`).join(' ')}`,
  `rm -f ${UNIT_DIR}/*.service.d/local.conf ${UNIT_DIR}/*.service.d/.hfleet.* ${UNIT_DIR}/.hfleet.*`,
  `for d in ${UNIT_DIR}/*.service.d; do rmdir "$d" 2>/dev/null; done`,
  'userdel honeyframe >/dev/null 2>&1; groupdel honeyframe >/dev/null 2>&1',
  'chown -R root:root /opt/honeyframe /data/honeyframe',
  'rm -rf /var/log/hfleet /run/lock/hfleet.lock /run/lock/hfleet.lock.info',
  'systemctl daemon-reload && systemctl reset-failed',
].join('\n');

// Reset every host; throws when one fails.
export async function resetHosts(hosts) {
  const results = await Promise.all(hosts.map((host) => labExec(host.name, RESET_SCRIPT)));
  const failed = results.findIndex((result) => result.code !== 0);
  if (failed >= 0) throw new Error(`reset of ${hosts[failed].name} failed: ${results[failed].stderr}`);
}
