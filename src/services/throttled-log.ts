/** One log line per distinct connection error every 10 s: a restarting Redis is not a flood. */
export function throttled(log: (line: string) => void, everyMs = 10_000): (error: Error) => void {
  const last = new Map<string, number>();
  return (error) => {
    const now = Date.now();
    if (now - (last.get(error.message) ?? -Infinity) < everyMs) return;
    last.set(error.message, now);
    log(`redis: ${error.message}`);
  };
}
