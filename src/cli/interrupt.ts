// Ctrl-C during a rollout: finish the batch in progress, then stop cleanly; a second Ctrl-C exits at once.

/** An AbortSignal raised by the first SIGINT; `dispose` removes the handler. */
export function interruptAfterBatch(stderr: NodeJS.WritableStream = process.stderr) {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    stderr.write(
      '\ninterrupted: finishing the batch in progress, then stopping (Ctrl-C again to exit now)\n',
    );
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSignal) };
}
