// The lab behaves like a real server: memory limits enforced, User= honoured, health reachable, SSH pinned.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { labExec, resetLabHost } from '../../../src/lab/index.js';
import type { LabState } from '../../../src/lab/state.js';
import { describeWithLab, requireLabState } from '../lab-context.js';

const PLATFORM_UNIT = `[Unit]
Description=Honeyframe Platform API — Acme Corp
After=network.target
StartLimitIntervalSec=300
StartLimitBurst=5

[Service]
Type=simple
User=root
WorkingDirectory=/opt/honeyframe/paas/backend
EnvironmentFile=/opt/honeyframe/paas/backend/.env
ExecStartPre=-/bin/sh -c "fuser -k 8001/tcp 2>/dev/null || true"
ExecStartPre=/bin/sleep 2
ExecStart=/usr/bin/python3 -m uvicorn main:app --host 0.0.0.0 --port 8001
Restart=on-failure
RestartSec=10
MemoryMax=1500M

[Install]
WantedBy=multi-user.target
`;

// Run a script in the host and insist it succeeds; resolves to its stdout.
async function sh(host: string, script: string): Promise<string> {
  const result = await labExec(host, script);
  if (result.code !== 0) throw new Error(`${script}\nexit ${result.code}: ${result.stderr}`);
  return result.stdout;
}

// `systemctl show` of some properties as a map.
async function show(host: string, unit: string, properties: string[]): Promise<Record<string, string>> {
  const out = await sh(host, `systemctl show -p ${properties.join(',')} ${unit}`);
  return Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2)),
  );
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return undefined;
}

describeWithLab('a lab host behaves like a customer server', () => {
  let lab: LabState;
  let host: LabState['hosts'][number];

  beforeAll(async () => {
    lab = requireLabState();
    host = lab.hosts[0]!;
    // Other end-to-end files leave their hosts converged by hfleet (drop-ins, users): start from the install.
    await resetLabHost(host.name);
  });
  afterAll(async () => {
    if (host) await resetLabHost(host.name);
  });

  it('OOM-kills a unit that allocates 200 MB under MemoryMax=50M', async () => {
    await sh(
      host.name,
      `printf '[Service]\\nMemoryMax=50M\\nExecStart=/usr/bin/python3 -c "b = bytearray(200 * 1024 * 1024); import time; time.sleep(30)"\\n' > /etc/systemd/system/lab-oom.service && systemctl daemon-reload && systemctl start lab-oom`,
    );
    const ended = await until(async () => {
      const props = await show(host.name, 'lab-oom', ['Result', 'ExecMainStatus', 'ActiveState']);
      return props['Result'] !== 'success' ? props : undefined;
    }, 20_000);
    const killedOnV1 = ended?.['Result'] === 'signal' && ended['ExecMainStatus'] === '9';
    expect(killedOnV1 || ended?.['Result'] === 'oom-kill', JSON.stringify(ended)).toBe(true);
  });

  it('runs a User= unit as that uid', async () => {
    await sh(host.name, 'id labsvc >/dev/null 2>&1 || useradd -r -s /usr/sbin/nologin labsvc');
    await sh(
      host.name,
      `printf '[Service]\\nUser=labsvc\\nExecStart=/bin/sleep 300\\n' > /etc/systemd/system/lab-user.service && systemctl daemon-reload && systemctl start lab-user`,
    );
    const uid = (await sh(host.name, 'id -u labsvc')).trim();
    const owner = await sh(host.name, `stat -c %u /proc/$(systemctl show -p MainPID --value lab-user)`);
    expect(owner.trim()).toBe(uid);
    expect(uid).not.toBe('0');
  });

  it('serves /api/health of a started hub app to the controller over the bridge, and the fault switch works', async () => {
    await sh(
      host.name,
      `cat > /etc/systemd/system/hub-platform.service <<'UNIT'\n${PLATFORM_UNIT}UNIT\nsystemctl daemon-reload && systemctl start hub-platform`,
    );
    const url = `http://${host.address}:8001/api/health`;
    const healthy = await until(async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      return response.status === 200 ? ((await response.json()) as { service: string }) : undefined;
    }, 20_000);
    expect(healthy?.service).toBe('hub-platform');
    await sh(host.name, 'echo unhealthy > /etc/honeyframe/lab-fault/hub-platform');
    expect((await fetch(url, { signal: AbortSignal.timeout(2000) })).status).toBe(503);
    await sh(host.name, 'rm /etc/honeyframe/lab-fault/hub-platform');
    expect((await fetch(url, { signal: AbortSignal.timeout(2000) })).status).toBe(200);
  });

  it('shows the unit values as written, with the install drop-in merged', async () => {
    const props = await show(host.name, 'hub-platform', [
      'MemoryMax',
      'User',
      'Restart',
      'RestartUSec',
      'WorkingDirectory',
      'Environment',
      'Description',
    ]);
    expect(props).toMatchObject({
      MemoryMax: String(1500 * 1024 * 1024),
      User: 'root',
      Restart: 'on-failure',
      RestartUSec: '10s',
      WorkingDirectory: '/opt/honeyframe/paas/backend',
      Description: 'Honeyframe Platform API — Acme Corp',
    });
    expect(props['Environment']).toContain('ER_MAX_MEMORY=512M');
  });

  it('makes a service crash at start when a drop-in sets HONEYFRAME_LAB_FAULT=crash', async () => {
    await sh(
      host.name,
      `mkdir -p /etc/systemd/system/hub-cloud.service.d && printf '[Service]\\nWorkingDirectory=/opt/honeyframe/iaas/backend\\nExecStart=/usr/bin/python3 -m uvicorn main:app --port 8002\\n' > /etc/systemd/system/hub-cloud.service && printf '[Service]\\nEnvironment=HONEYFRAME_LAB_FAULT=crash\\n' > /etc/systemd/system/hub-cloud.service.d/fault.conf && systemctl daemon-reload && systemctl start hub-cloud`,
    );
    const failed = await until(async () => {
      const props = await show(host.name, 'hub-cloud', ['Result', 'ExecMainStatus']);
      return props['Result'] === 'exit-code' ? props : undefined;
    }, 15_000);
    expect(failed?.['ExecMainStatus']).not.toBe('0');
  });

  it('accepts SSH with the lab key and the pinned known_hosts, as root and as deploy with sudo', () => {
    const ssh = (user: string, command: string) =>
      spawnSync(
        'ssh',
        [
          '-o',
          'BatchMode=yes',
          '-o',
          'StrictHostKeyChecking=yes',
          '-o',
          `UserKnownHostsFile=${lab.knownHostsPath}`,
          '-i',
          lab.keyPath,
          `${user}@${host.address}`,
          command,
        ],
        { encoding: 'utf8', timeout: 20_000 },
      );
    const asRoot = ssh('root', 'true');
    expect(asRoot.status, asRoot.stderr).toBe(0);
    const asDeploy = ssh('deploy', 'sudo -n id -u');
    expect(asDeploy.status, asDeploy.stderr).toBe(0);
    expect(asDeploy.stdout.trim()).toBe('0');
  });
});
