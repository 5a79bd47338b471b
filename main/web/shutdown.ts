/**
 * How the serve command stops on SIGINT or SIGTERM: close what is open (connections, event
 * streams, the vault's workers), then end the process by the same signal, so the parent sees
 * "terminated by SIGTERM"; a second signal, or a close that takes longer than the grace period,
 * ends it at once.
 *
 * Why not `process.exit`: it joins libuv's pool threads before the process ends, so a single
 * thread stuck in a system call (a blocking open, a dead network mount) makes it wait forever, and
 * no timer can fire after it has begun. A signal with its default action ends the process in the
 * kernel, whatever its threads are doing.
 */

export const SHUTDOWN_GRACE_MS = 3000;

type StopSignal = 'SIGINT' | 'SIGTERM';
const SIGNALS: StopSignal[] = ['SIGINT', 'SIGTERM'];

export interface ShutdownOptions {
  /** Closes everything; the process ends when it settles, or after the grace period. */
  close: () => Promise<void>;
  log: (message: string) => void;
  graceMs?: number;
}

export function stopOnSignals(options: ShutdownOptions): void {
  const graceMs = options.graceMs ?? SHUTDOWN_GRACE_MS;
  let stopping = false;
  const onSignal = (signal: StopSignal) => {
    if (stopping) return endBySignal(signal); // a second Ctrl+C means now
    stopping = true;
    options.log(`${signal}, shutting down`);
    setTimeout(() => {
      options.log(`the host did not close within ${graceMs / 1000} s; exiting anyway`);
      endBySignal(signal);
    }, graceMs).unref();
    options.close().then(
      () => endBySignal(signal),
      (err: unknown) => {
        options.log(`closing failed: ${err instanceof Error ? err.message : String(err)}`);
        endBySignal(signal);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);

  function endBySignal(signal: StopSignal): void {
    for (const s of SIGNALS) process.off(s, onSignal);
    // With no listener left the signal takes its default action: the process ends here.
    process.kill(process.pid, signal);
    // Only if the signal was ignored when we were started (nohup-style) do we get this far.
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), 500);
  }
}
