import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBE_BASH, type ProbeOutcome, probeOutcome } from '../../../src/health/index.js';
import { base64Field, linesTagged, TAG } from '../../../src/remote/protocol.js';

// The probe with another read timeout: answers that come must not race the machine's load, a silent server
// needs no more than a moment to be called silent.
function withReadTimeout(seconds: number): string {
  const script = PROBE_BASH.replace(/read -r -t \d+/, `read -r -t ${seconds}`);
  if (script === PROBE_BASH) throw new Error('the probe has no `read -r -t N` to change');
  return script;
}

// Run the probe in a real bash against loopback, as the host runs it (the servers answer meanwhile).
async function probe(args: string[], script = withReadTimeout(60)): Promise<Map<string, ProbeOutcome>> {
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      'bash',
      ['-c', script, 'hf_probe', ...args],
      { env: { ...process.env, LC_ALL: 'C' } },
      (error, out) => (error ? reject(error) : resolve(out)),
    ),
  );
  const outcomes = new Map<string, ProbeOutcome>();
  for (const [unit = '', rc = '', text = ''] of linesTagged(stdout, TAG.probe)) {
    outcomes.set(unit, probeOutcome(Number(rc), base64Field(text)));
  }
  return outcomes;
}

function portOf(server: Server | TcpServer): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('the endpoint probe in a real bash', () => {
  let http: Server;
  let silent: TcpServer;
  let closing: TcpServer;
  let closedPort: number;

  beforeAll(async () => {
    http = createServer((request, response) => {
      response.statusCode = request.url === '/api/health' ? 200 : 503;
      response.end('{}');
    });
    silent = createTcpServer(() => {});
    closing = createTcpServer((socket) => socket.destroy());
    const spare = createTcpServer();
    for (const server of [http, silent, closing, spare])
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closedPort = portOf(spare);
    await new Promise<void>((resolve) => spare.close(() => resolve()));
  });

  afterAll(() => {
    http.close();
    silent.close();
    closing.close();
  });

  it('tells 200, an HTTP error, a refused connection, a closed one and a silent one apart', async () => {
    const outcomes = await probe([
      'ok',
      String(portOf(http)),
      '/api/health',
      'bad',
      String(portOf(http)),
      '/other',
      'refused',
      String(closedPort),
      '/api/health',
      'closed',
      String(portOf(closing)),
      '/api/health',
    ]);
    expect(Object.fromEntries(outcomes)).toEqual({
      ok: { kind: 'http', code: 200 },
      bad: { kind: 'http', code: 503 },
      refused: { kind: 'refused' },
      closed: { kind: 'closed' },
    });
    const silence = await probe(['silent', String(portOf(silent)), '/api/health'], withReadTimeout(1));
    expect(Object.fromEntries(silence)).toEqual({ silent: { kind: 'timeout' } });
  });
});

describe('probeOutcome', () => {
  it('reads the causes bash reports', () => {
    expect(
      probeOutcome(
        10,
        'bash: line 1: localhost: Temporary failure in name resolution\nbash: /dev/tcp/localhost/8001: Invalid argument',
      ),
    ).toEqual({ kind: 'unresolved' });
    expect(probeOutcome(10, 'bash: localhost: Name or service not known')).toEqual({ kind: 'unresolved' });
    expect(probeOutcome(127, '')).toEqual({ kind: 'no-bash' });
    expect(probeOutcome(undefined, '')).toEqual({ kind: 'timeout' });
    expect(probeOutcome(0, 'SSH-2.0-OpenSSH_9.2')).toEqual({ kind: 'error', message: 'not an HTTP answer' });
    expect(probeOutcome(10, 'bash: line 3: /dev/tcp/localhost/1: Permission denied')).toEqual({
      kind: 'error',
      message: '/dev/tcp/localhost/1: Permission denied',
    });
  });
});
