// Scripts that turn a lab host's Honeyframe service into a failing stand-in (undone by resetting the host).

/** Where the lab's hub-platform app lives on a host (`python3 -m uvicorn main:app`). */
const PLATFORM_APP = '/opt/honeyframe/paas/backend/main.py';

/** The script making SERVICE exit 3 right at start, every time (the lab app's `crash` fault): a crash loop. */
export function crashAtStartScript(service: string): string {
  return `mkdir -p /etc/honeyframe/lab-fault && echo crash > /etc/honeyframe/lab-fault/${service}`;
}

/** The script making hub-platform answer /api/health 200 and then exit 1 two seconds after it started. */
export function platformDiesAfterTwoSecondsScript(): string {
  const app = [
    'import os, threading',
    'from honeyframe_lab import make_app',
    'threading.Timer(2.0, os._exit, (1,)).start()',
    'app = make_app("hub-platform")',
    '',
  ].join('\n');
  return `cat > ${PLATFORM_APP} <<'HFLEET_EOF'\n${app}HFLEET_EOF`;
}
