// Faults during apply on the lab: every one ends with a one-line reason, exit 3, the other hosts converged, and
// every managed file on every host old or new (never a mix, never empty, never a temp file or unloadable unit).
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { labExec, resetLabHost, startLabHost, stopLabHost } from '../../src/lab/index.js';
import type { LabState } from '../../src/lab/state.js';
import { describeWithLab, requireLabState } from './lab-context.js';
import { playbookWith } from './reliability/playbooks.js';
import { checkWholeFiles, type Rendering, renderFleet, withFiles } from './reliability/whole-files.js';
import { ensureBuilt, hfleet, hfleetChild, labInventory, onHost } from './support/fleet.js';

const HOSTS = ['acme-1', 'globex-1', 'initech-1'];
const DROPIN = '/etc/systemd/system/hub-platform.service.d/local.conf';

describeWithLab('faults during apply', () => {
  let lab: LabState;
  let base: string;
  let baseRender: Rendering;
  let generation = 0;

  // An inventory where `customer` gets a memory_max of its own (a drop-in + restarts), and its rendering.
  function changed(customer: string, extra: Record<string, unknown> = {}) {
    generation += 1;
    const memory = `${600 + generation}M`;
    const inventory = labInventory(lab, { [customer]: { vars: { memory_max: memory, ...extra } } });
    return { inventory, memory, render: renderFleet(inventory) };
  }

  async function expectAllWhole(renderings: Rendering[]): Promise<void> {
    for (const host of HOSTS) {
      const report = await checkWholeFiles(host, [baseRender, ...renderings]);
      expect(report.checked).toBeGreaterThan(0);
      expect(report.broken, host).toEqual([]);
    }
  }

  function byHost(json: { hosts: { host: string }[] }) {
    // biome-ignore lint/suspicious/noExplicitAny: JSON host entries, checked field by field
    return Object.fromEntries(json.hosts.map((entry) => [entry.host, entry])) as Record<string, any>;
  }

  // The other hosts converged; the faulty host's reason is printed for docs/reliability.md.
  function expectOthersConverged(json: { hosts: { host: string }[] }, faulty: string): void {
    for (const [name, entry] of Object.entries(byHost(json))) {
      if (name !== faulty) expect(entry, name).toMatchObject({ error: null });
      else
        process.stderr.write(`fault outcome: ${name} ${entry.status} ${entry.error_code}: ${entry.error}\n`);
    }
  }

  beforeAll(async () => {
    ensureBuilt();
    lab = requireLabState();
    for (const host of HOSTS) await resetLabHost(host);
    base = labInventory(lab);
    baseRender = renderFleet(base);
    expect(hfleet(['apply', base, '--json']).code).toBe(0);
  });

  afterAll(async () => {
    for (const host of HOSTS) await startLabHost(host);
  });

  it('a host that goes down mid-apply: failed with one line, the others converge, its files whole', async () => {
    const next = changed('globex');
    const slow = playbookWith('  - name: slow step\n    command: { argv: [sleep, "6"] }\n');
    const child = hfleetChild(['apply', next.inventory, '--playbook', slow, '--json']);
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await waitForOnHost('globex-1', `grep -q ${next.memory} ${DROPIN} 2>/dev/null`);
    await stopLabHost('globex-1');
    const code = await exited;
    await startLabHost('globex-1');
    expect(code).toBe(3);
    const json = JSON.parse(stdout);
    expect(byHost(json)['globex-1']).toMatchObject({ status: 'failed' });
    expect(byHost(json)['globex-1'].error).toMatch(/^globex-1: connection lost/);
    expectOthersConverged(json, 'globex-1');
    await expectAllWhole([next.render]);
    expect(hfleet(['apply', next.inventory, '--json']).code).toBe(0);
  });

  it('a connection dropped while the apply script is in transit: nothing written, no temp file', async () => {
    const blob = `${'x'.repeat(99)}\n`.repeat(400_000);
    const playbook = playbookWith(
      '  - name: big file\n    file: { dest: /etc/honeyframe/blob.txt, template: templates/blob.txt }\n',
      { 'blob.txt': blob },
    );
    const next = changed('acme');
    const render = withFiles(next.render, { '/etc/honeyframe/blob.txt': blob });
    // Inside the host: once the run's remote shell has read 5 MB more of the script, kill its sshd session.
    await onHost('acme-1', 'rm -f /run/lock/hfleet.lock.info');
    const killer = labExec(
      'acme-1',
      `for i in $(seq 1 1200); do
         pid=$(sed -n 2p /run/lock/hfleet.lock.info 2>/dev/null)
         if [ -n "$pid" ] && [ -d /proc/$pid ] && grep -q ' hfleet apply ' /run/lock/hfleet.lock.info; then
           start=$(sed -n 's/^rchar: //p' /proc/$pid/io)
           while [ $(( $(sed -n 's/^rchar: //p' /proc/$pid/io 2>/dev/null || echo 0) - start )) -lt 5000000 ]; do :; done
           kill -9 $(sed -n 's/^PPid:[[:space:]]*//p' /proc/$pid/status); echo killed; exit 0
         fi
         sleep 0.02
       done; exit 1`,
    );
    const run = hfleet(['apply', next.inventory, '--playbook', playbook, '--json']);
    expect((await killer).stdout.trim()).toBe('killed');
    expect(run.code).toBe(3);
    const acme = byHost(run.json)['acme-1'];
    expect(acme.status).toBe('failed');
    expect(acme.error).toMatch(/^acme-1: connection lost during applying changes/);
    expect(acme.error).not.toContain('\n');
    expectOthersConverged(run.json, 'acme-1');
    expect((await onHost('acme-1', 'test -e /etc/honeyframe/blob.txt && echo yes || echo no')).trim()).toBe(
      'no',
    );
    await expectAllWhole([next.render, render]);
    await onHost('globex-1', 'rm -f /etc/honeyframe/blob.txt');
    await onHost('initech-1', 'rm -f /etc/honeyframe/blob.txt');
  });

  it('sshd refusing new connections (MaxStartups): unreachable with one line, the others converge', async () => {
    await onHost(
      'initech-1',
      'printf "MaxStartups 1:100:1\\n" > /etc/ssh/sshd_config.d/zz-hfleet-fault.conf && systemctl reload ssh',
    );
    const holders: Socket[] = [];
    try {
      // One connection that never authenticates fills the single startup slot.
      holders.push(await openIdle('10.213.1.3'));
      const next = changed('initech');
      const run = hfleet(['apply', next.inventory, '--json']);
      expect(run.code).toBe(3);
      const initech = byHost(run.json)['initech-1'];
      expect(initech.status).toBe('unreachable');
      // sshd may reset or close the refused connection: the stable part is the host, its address and that the
      // connection is what failed.
      expect(initech.error).toMatch(/^initech-1 \(10\.213\.1\.3:22\): connection /);
      expect(initech.error).not.toContain('\n');
      expectOthersConverged(run.json, 'initech-1');
      await expectAllWhole([next.render]);
    } finally {
      for (const socket of holders) socket.destroy();
      await onHost('initech-1', 'rm -f /etc/ssh/sshd_config.d/zz-hfleet-fault.conf && systemctl reload ssh');
    }
  });

  it('a full disk under /etc/systemd/system: failed at the write, nothing renamed, no temp file', async () => {
    await onHost(
      'initech-1',
      `mkdir -p /run/hf-sys && cp -a /etc/systemd/system/. /run/hf-sys/
       kb=$(du -sk /etc/systemd/system | cut -f1)
       mount -t tmpfs -o size=$((kb + 256))k hf-full /etc/systemd/system
       cp -a /run/hf-sys/. /etc/systemd/system/
       dd if=/dev/zero of=/etc/systemd/system/.fill bs=4k 2>/dev/null || true`,
    );
    try {
      const next = changed('initech');
      const run = hfleet(['apply', next.inventory, '--json']);
      expect(run.code).toBe(3);
      const initech = byHost(run.json)['initech-1'];
      expect(initech.status).toBe('failed');
      expect(initech.error).toMatch(
        /^initech-1: write \/etc\/systemd\/system\/.* failed: no space left on the device of /,
      );
      expectOthersConverged(run.json, 'initech-1');
      await expectAllWhole([next.render]);
      expect((await onHost('initech-1', `test -e ${DROPIN} && echo yes || echo no`)).trim()).toBe('no');
    } finally {
      await onHost('initech-1', 'umount /etc/systemd/system; rm -rf /run/hf-sys');
    }
  });

  it('a restart that fails: failed naming the step, the unit file new and loadable, the others converge', async () => {
    const unit =
      '[Unit]\nDescription=fault probe\n\n[Service]\nExecStartPre={{ pre }}\nExecStart=/bin/sleep infinity\n';
    const playbook = playbookWith(
      '  - name: probe unit\n    unit: { name: hf-probe.service, template: templates/hf-probe.service }\n' +
        '  - name: probe running\n    service: { name: hf-probe.service, state: started }\n',
      { 'hf-probe.service': unit },
    );
    const inventory = (acmePre: string) =>
      labInventory(lab, {
        acme: { vars: { extra: { pre: acmePre } } },
        globex: { vars: { extra: { pre: '/bin/true' } } },
        initech: { vars: { extra: { pre: '/bin/true' } } },
      });
    const good = inventory('/bin/true');
    expect(hfleet(['apply', good, '--playbook', playbook, '--json']).code).toBe(0);
    const bad = inventory('/bin/false');
    const run = hfleet(['apply', bad, '--playbook', playbook, '--json']);
    try {
      expect(run.code).toBe(3);
      const acme = byHost(run.json)['acme-1'];
      expect(acme.status).toBe('failed');
      expect(acme.error).toMatch(
        /^acme-1: restart hf-probe\.service failed: Job for hf-probe\.service failed/,
      );
      expect(acme.error).not.toContain('\n');
      expectOthersConverged(run.json, 'acme-1');
      const probe = (pre: string) => unit.replace('{{ pre }}', pre);
      await expectAllWhole([
        withFiles(baseRender, { '/etc/systemd/system/hf-probe.service': probe('/bin/true') }),
        withFiles(baseRender, { '/etc/systemd/system/hf-probe.service': probe('/bin/false') }),
      ]);
    } finally {
      for (const host of HOSTS) {
        await onHost(
          host,
          'systemctl stop hf-probe.service; rm -f /etc/systemd/system/hf-probe.service; systemctl daemon-reload',
        );
      }
    }
  });

  it('a service that never becomes healthy: failed naming the unit and the status, exit 3', async () => {
    await onHost(
      'globex-1',
      'mkdir -p /etc/honeyframe/lab-fault && echo unhealthy > /etc/honeyframe/lab-fault/hub-cloud',
    );
    try {
      const next = changed('globex', { health_timeout: 5 });
      const run = hfleet(['apply', next.inventory, '--json']);
      expect(run.code).toBe(3);
      const globex = byHost(run.json)['globex-1'];
      expect(globex).toMatchObject({ status: 'failed', error_code: 'HEALTH_TIMEOUT' });
      expect(globex.error).toMatch(/^globex-1: hub-cloud\.service: .*503/);
      expectOthersConverged(run.json, 'globex-1');
      await expectAllWhole([next.render]);
    } finally {
      await onHost(
        'globex-1',
        'rm -f /etc/honeyframe/lab-fault/hub-cloud; systemctl restart hub-cloud.service',
      );
    }
  });

  it('a lock left by a killed run: LOCKED names holder pid, host and time and says it is stale; the run finishes alone', async () => {
    const slow = playbookWith('  - name: slow step\n    command: { argv: [sleep, "12"] }\n');
    const next = changed('acme');
    const child = hfleetChild(['apply', next.inventory, '--limit', 'acme', '--playbook', slow]);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await waitForOnHost('acme-1', `grep -q ${next.memory} ${DROPIN} 2>/dev/null`);
    child.kill('SIGKILL');
    await exited;
    // sshd notices the client is gone and ends the session; the remote shell is orphaned and finishes the run.
    await waitForOnHost(
      'acme-1',
      'p=$(sed -n 2p /run/lock/hfleet.lock.info); grep -q "^PPid:[[:space:]]*1$" /proc/$p/status',
    );
    const locked = hfleet(['apply', next.inventory, '--limit', 'acme', '--json']);
    expect(locked.code).toBe(3);
    const acme = locked.json.hosts[0];
    expect(acme.error_code).toBe('LOCKED');
    process.stderr.write(`fault outcome: acme-1 ${acme.status} LOCKED: ${acme.error}\n`);
    expect(acme.error).toContain(`pid ${child.pid} hfleet apply since 20`);
    expect(acme.error).toMatch(
      /stale: its client is gone; remote shell pid \d+ finishes its run alone, now at "sleep 12"/,
    );
    await expectAllWhole([next.render]);
    const after = hfleet(['apply', next.inventory, '--limit', 'acme', '--lock-wait', '30', '--json']);
    expect(after.code).toBe(0);
    // The orphaned run did its restarts itself: nothing is owed to this one.
    expect(after.json.hosts[0].restarted).toEqual([]);
  });
});

// Poll a condition script on a host until it succeeds (60 s at most).
async function waitForOnHost(host: string, condition: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await labExec(host, condition)).code !== 0) {
    if (Date.now() > deadline) throw new Error(`${host}: never true: ${condition}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// A TCP connection to a host's sshd that reads the banner and then sends nothing.
async function openIdle(address: string): Promise<Socket> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const socket = connect(22, address);
        socket.once('data', () => resolve(socket));
        socket.once('error', reject);
      });
    } catch (error) {
      // sshd re-executes itself on reload: the port is closed for a moment.
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
