// Stand-in failures for the lab's Honeyframe services, set up on a host and undone by resetting it.
import { onHost } from './fleet.js';

/** Where the lab's hub-platform app lives on a host (`python3 -m uvicorn main:app`). */
const PLATFORM_APP = '/opt/honeyframe/paas/backend/main.py';

// hub-scheduler exits 3 right at start, every time (the lab app's `crash` fault): a crash loop.
export async function crashAtStart(host: string, service = 'hub-scheduler'): Promise<void> {
  await onHost(
    host,
    `mkdir -p /etc/honeyframe/lab-fault && echo crash > /etc/honeyframe/lab-fault/${service}`,
  );
}

// hub-platform answers /api/health 200, then its process exits 1 two seconds after it started.
export async function platformDiesAfterTwoSeconds(host: string): Promise<void> {
  const app = [
    'import os, threading',
    'from honeyframe_lab import make_app',
    'threading.Timer(2.0, os._exit, (1,)).start()',
    'app = make_app("hub-platform")',
    '',
  ].join('\n');
  await onHost(host, `cat > ${PLATFORM_APP} <<'HFLEET_EOF'\n${app}HFLEET_EOF`);
}
