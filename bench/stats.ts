/** Nearest-rank percentile of a list of durations (ms). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values: number[]) => percentile(values, 50);

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs `call` `times` times in sequence and returns each duration in ms. */
export async function timeCalls(times: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await call(i);
    durations.push(performance.now() - started);
  }
  return durations;
}

/** `connections` clients calling `call` back to back for `seconds`: how many calls finished, and per second. */
export async function callsConcurrently(
  call: () => Promise<unknown>,
  connections: number,
  seconds: number,
): Promise<{ done: number; rate: number }> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        await call();
        done++;
      }
    }),
  );
  return { done, rate: done / seconds };
}

/** How long one call takes, in ms. */
export async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}
