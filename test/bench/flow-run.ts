import { type DriverContext, Recorder } from './case-driver';
import type { LoadResult } from './load';
import { type ProcessGroup, type ProcessUsage, ProcSampler } from './proc-sampler';
import { summarise } from './stats';

/** What one timed run of case drivers produced. */
export interface FlowRun {
  name: string;
  /** Closed loops; for an open-loop run, the most cases in flight at once. */
  concurrency: number;
  /** Open-loop runs: cases started per second. */
  casesPerSecond?: number;
  seconds: number;
  /** Cases started (201) and completed (third approval answered) inside the window, per second. */
  startedPerSecond: number;
  completedPerSecond: number;
  failedCases: number;
  latencies: LoadResult[];
  errorsByStatus: Record<string, number>;
  usage: ProcessUsage[];
  machineBusyPercent: number;
  /** Averages of the gauges sampled once a second during the window (e.g. lock waiters). */
  gauges: Record<string, number>;
}

/**
 * Runs `drive` from `concurrency` loops for `seconds` while sampling the processes; cases still in
 * flight at the end are finished (not counted) so the next run starts from a quiet platform.
 */
export async function runFlow(
  name: string,
  ctx: DriverContext,
  opts: {
    concurrency: number;
    seconds: number;
    groups: ProcessGroup[];
    firstCase: number;
    gauges?: Record<string, () => Promise<number>>;
    /**
     * Open loop: start this many cases per second, each played by its own driver however long it
     * takes, instead of `concurrency` closed loops (the latency at a given load, not the capacity).
     */
    casesPerSecond?: number;
  },
  drive: (ctx: DriverContext, n: number) => Promise<boolean>,
): Promise<FlowRun> {
  const recorder = new Recorder();
  const run: DriverContext = { ...ctx, recorder };
  const sampler = new ProcSampler(opts.groups);
  let next = opts.firstCase;
  let done = 0;
  let failed = 0;
  const startedBefore = () => recorder.samples.get('start case (POST /api/cases)')?.length ?? 0;
  sampler.start();
  const gaugeSamples = new Map<string, number[]>();
  const gaugeTimer = setInterval(() => {
    for (const [gauge, read] of Object.entries(opts.gauges ?? {}))
      void read()
        .then((v) => gaugeSamples.set(gauge, [...(gaugeSamples.get(gauge) ?? []), v]))
        .catch(() => undefined);
  }, 1000);
  const begin = performance.now();
  const end = begin + opts.seconds * 1000;
  let startedInWindow = 0;
  let usage: Awaited<ReturnType<ProcSampler['stop']>> | undefined;
  const closeWindow = setTimeout(() => {
    clearInterval(gaugeTimer);
    startedInWindow = startedBefore();
    void sampler.stop().then((u) => {
      usage = u;
    });
  }, opts.seconds * 1000);
  const playOne = async () => {
    const ok = await drive(run, next++).catch(() => false);
    if (!ok) failed++;
    else if (performance.now() <= end) done++;
  };
  let peak = 0;
  if (opts.casesPerSecond) {
    const every = 1000 / opts.casesPerSecond;
    const playing = new Set<Promise<void>>();
    for (let k = 0; begin + k * every < end; k++) {
      const wait = begin + k * every - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const p: Promise<void> = playOne().finally(() => playing.delete(p));
      playing.add(p);
      peak = Math.max(peak, playing.size);
    }
    await Promise.all(playing);
  } else {
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (performance.now() < end) await playOne();
      }),
    );
  }
  clearTimeout(closeWindow);
  clearInterval(gaugeTimer);
  if (!usage) {
    startedInWindow ||= startedBefore();
    usage = await sampler.stop();
  }
  const latencies: LoadResult[] = [...recorder.samples].map(([scenario, samples]) => ({
    name: scenario,
    concurrency: opts.casesPerSecond ? peak : opts.concurrency,
    seconds: opts.seconds,
    requestsPerSecond: Math.round((samples.length / opts.seconds) * 10) / 10,
    errors: recorder.errors.get(scenario) ?? 0,
    ...summarise(samples),
  }));
  return {
    name,
    concurrency: opts.casesPerSecond ? peak : opts.concurrency,
    ...(opts.casesPerSecond ? { casesPerSecond: opts.casesPerSecond } : {}),
    seconds: opts.seconds,
    startedPerSecond: Math.round((startedInWindow / opts.seconds) * 10) / 10,
    completedPerSecond: Math.round((done / opts.seconds) * 10) / 10,
    failedCases: failed,
    latencies,
    errorsByStatus: Object.fromEntries(recorder.statuses),
    usage: usage.groups,
    machineBusyPercent: usage.machineBusyPercent,
    gauges: Object.fromEntries(
      [...gaugeSamples].map(([g, v]) => [
        g,
        Math.round((v.reduce((a, b) => a + b, 0) / (v.length || 1)) * 10) / 10,
      ]),
    ),
  };
}
