// Stand-in failures for the lab's Honeyframe services, set up on a host and undone by resetting it.
import { crashAtStartScript, platformDiesAfterTwoSecondsScript } from '../../../src/lab/stand-ins.js';
import { onHost } from './fleet.js';

// hub-scheduler (or another lab service) exits 3 right at start, every time: a crash loop.
export async function crashAtStart(host: string, service = 'hub-scheduler'): Promise<void> {
  await onHost(host, crashAtStartScript(service));
}

// hub-platform answers /api/health 200, then its process exits 1 two seconds after it started.
export async function platformDiesAfterTwoSeconds(host: string): Promise<void> {
  await onHost(host, platformDiesAfterTwoSecondsScript());
}
