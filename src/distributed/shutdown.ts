/**
 * Graceful stop on SIGTERM / SIGINT: the first signal lets current jobs finish and closes
 * connections; a second one stops at once (unfinished jobs are recovered by other workers
 * once their lock expires).
 */
export function onShutdownSignals(stop: (force: boolean) => Promise<void>, log: (line: string) => void): Promise<void> {
  return new Promise((resolve) => {
    let signals = 0;
    const handle = (signal: NodeJS.Signals): void => {
      signals++;
      if (signals === 1) {
        log(`${signal}: finishing current jobs, then stopping (again to stop now)`);
        stop(false).then(resolve, (error: unknown) => {
          log(`stopping: ${error instanceof Error ? error.message : String(error)}`);
          resolve();
        });
      } else {
        log(`${signal}: stopping now; unfinished jobs will run again on another worker`);
        void stop(true).finally(resolve);
      }
    };
    process.on('SIGTERM', handle);
    process.on('SIGINT', handle);
  });
}
