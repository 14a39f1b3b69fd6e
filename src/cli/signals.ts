// Stopping a long command cleanly: the first SIGINT or SIGTERM aborts a signal that the work
// watches (it stops taking inputs and finishes the document in hand); a second one exits at once,
// and SQLite's journal rolls back whatever transaction was open.

export interface StopSignals {
  signal: AbortSignal;
  /** The signal that stopped the work, or null. */
  received(): NodeJS.Signals | null;
  dispose(): void;
}

/** Exit status after a signal: 128 + its number (SIGINT 130, SIGTERM 143), as shells report it. */
export function signalExitCode(sig: NodeJS.Signals): number {
  return sig === 'SIGINT' ? 130 : sig === 'SIGTERM' ? 143 : 1;
}

export function stopOnSignals(onStop?: (sig: NodeJS.Signals) => void): StopSignals {
  const controller = new AbortController();
  let got: NodeJS.Signals | null = null;
  const handler = (sig: NodeJS.Signals) => {
    if (got) process.exit(signalExitCode(sig));
    got = sig;
    onStop?.(sig);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    received: () => got,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
