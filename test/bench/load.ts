import { type LatencySummary, summarise } from './stats';

export interface LoadResult extends LatencySummary {
  name: string;
  concurrency: number;
  seconds: number;
  requestsPerSecond: number;
  errors: number;
}

/**
 * Runs `call` from `concurrency` loops for `seconds` and summarises latencies. The loop count and the
 * duration bound the load, so the generator always stops by itself.
 */
export async function runLoad(
  name: string,
  options: { concurrency: number; seconds: number },
  call: (loop: number, i: number) => Promise<boolean>,
): Promise<LoadResult> {
  const samples: number[] = [];
  let errors = 0;
  const end = performance.now() + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, loop) => {
      for (let i = 0; performance.now() < end; i++) {
        const start = performance.now();
        const ok = await call(loop, i).catch(() => false);
        if (ok) samples.push(performance.now() - start);
        else errors += 1;
      }
    }),
  );
  return {
    name,
    concurrency: options.concurrency,
    seconds: options.seconds,
    requestsPerSecond: Math.round((samples.length / options.seconds) * 10) / 10,
    errors,
    ...summarise(samples),
  };
}
