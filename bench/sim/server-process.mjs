// A child process serving simulated hosts: ssh2 servers on loopback that answer hfleet's framed scripts
// with a converged host's recorded facts. Usage: node server-process.mjs PORTS FACTS_FILE AUTHORIZED_KEY
// Prints one JSON line {ports, hostKey} when listening; exits when its stdin closes.
import { readFileSync } from 'node:fs';
import ssh2 from 'ssh2';
import { frameReply, isFactsScript, takeFrames } from './frames.mjs';

const [portCount, factsFile, authorizedKey] = process.argv.slice(2);
const facts = readFileSync(factsFile, 'utf8');
const allowed = parseOne(authorizedKey);
const hostKey = freshHostKey();
const counts = { connections: 0, facts: 0, other: 0 };

function parseOne(text) {
  const parsed = ssh2.utils.parseKey(text);
  if (parsed instanceof Error) throw parsed;
  return Array.isArray(parsed) ? parsed[0] : parsed;
}

// ssh2 sometimes writes an ed25519 key it cannot read back; draw until it can.
function freshHostKey() {
  for (;;) {
    const pair = ssh2.utils.generateKeyPairSync('ed25519');
    if (!(ssh2.utils.parseKey(pair.private) instanceof Error)) return pair.private;
  }
}

function authenticate(ctx) {
  if (ctx.method !== 'publickey' || !allowed.getPublicSSH().equals(ctx.key.data)) {
    return ctx.reject(['publickey']);
  }
  if (ctx.signature && allowed.verify(ctx.blob ?? Buffer.alloc(0), ctx.signature, ctx.hashAlgo) !== true) {
    return ctx.reject(['publickey']);
  }
  ctx.accept();
}

// One `sh -s`: answer every framed script as it completes; exit 0 when the client closes stdin.
function serveShell(channel) {
  let buffer = '';
  channel.on('data', (chunk) => {
    const { frames, rest } = takeFrames(buffer + chunk.toString('utf8'));
    buffer = rest;
    for (const frame of frames) {
      const known = isFactsScript(frame.script);
      counts[known ? 'facts' : 'other']++;
      const reply = frameReply(frame.marker, known ? facts : '');
      channel.write(reply.stdout);
      channel.stderr.write(reply.stderr);
    }
  });
  channel.once('end', () => {
    channel.exit(0);
    channel.end();
  });
}

function onClient(client) {
  counts.connections++;
  client._sock?.setNoDelay?.(true);
  client.on('error', () => undefined);
  client.on('authentication', authenticate);
  client.on('ready', () => {
    client.on('session', (accept) => {
      const session = accept();
      session.on('exec', (acceptExec) => serveShell(acceptExec()));
    });
  });
}

const servers = [];
for (let i = 0; i < Number(portCount); i++) {
  const server = new ssh2.Server({ hostKeys: [hostKey] }, onClient);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
}
const parsed = parseOne(hostKey);
const ports = servers.map((server) => server.address().port);
const hostKeyText = `${parsed.type} ${parsed.getPublicSSH().toString('base64')}`;
process.stdout.write(`${JSON.stringify({ ports, hostKey: hostKeyText })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  process.stdout.write(`${JSON.stringify(counts)}\n`, () => process.exit(0));
});
