import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A named set of processes measured together (PostgreSQL is a postmaster plus one process per connection). */
export interface ProcessGroup {
  name: string;
  /** Current pids; asked on every sample, since processes come and go. */
  pids: () => number[] | Promise<number[]>;
}

/** CPU in percent of one core (200 = both cores of a 2-core machine busy), memory in MiB. */
export interface ProcessUsage {
  name: string;
  cpuAvg: number;
  cpuMax: number;
  /** Resident set, summed over the group's processes (counts shared pages once per process). */
  rssMiBMax: number;
  /** Proportional set size: shared pages split between sharers, so sums are honest. */
  pssMiBMax: number;
  processes: number;
}

const ticksPerSecond = (() => {
  try {
    return Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function memoryKiB(pid: number): { rss: number; pss: number } {
  let rss = 0;
  let pss = 0;
  try {
    rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    pss = Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? rss);
  } catch {
    pss ||= rss;
  }
  return { rss, pss };
}

/** Whole-machine busy time, for "is the box simply full" questions. */
function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.reduce((s, v) => s + v, 0);
  return { busy: total - idle, total };
}

/** Samples CPU and memory of process groups from /proc every `intervalMs` until stopped. */
export class ProcSampler {
  private readonly last = new Map<string, Map<number, number>>();
  private readonly cpu = new Map<string, number[]>();
  private readonly rss = new Map<string, number>();
  private readonly pss = new Map<string, number>();
  private readonly count = new Map<string, number>();
  private machineStart = machineTicks();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private lastAt = performance.now();

  constructor(
    private readonly groups: ProcessGroup[],
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    this.machineStart = machineTicks();
    this.lastAt = performance.now();
    this.running = this.sample(false);
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.sample(true));
    }, this.intervalMs);
  }

  /** Stops and returns per-group usage plus the machine's busy share (percent of all cores). */
  async stop(): Promise<{ groups: ProcessUsage[]; machineBusyPercent: number }> {
    clearInterval(this.timer);
    await this.running;
    const end = machineTicks();
    const machineBusyPercent =
      Math.round(((end.busy - this.machineStart.busy) / (end.total - this.machineStart.total || 1)) * 1000) /
      10;
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      machineBusyPercent,
      groups: this.groups.map(({ name }) => {
        const cpu = this.cpu.get(name) ?? [];
        return {
          name,
          cpuAvg: round(cpu.reduce((s, v) => s + v, 0) / (cpu.length || 1)),
          cpuMax: round(Math.max(0, ...cpu)),
          rssMiBMax: round((this.rss.get(name) ?? 0) / 1024),
          pssMiBMax: round((this.pss.get(name) ?? 0) / 1024),
          processes: this.count.get(name) ?? 0,
        };
      }),
    };
  }

  private async sample(record: boolean): Promise<void> {
    const now = performance.now();
    const seconds = (now - this.lastAt) / 1000;
    this.lastAt = now;
    for (const group of this.groups) {
      const pids = (await group.pids()).filter((p) => p > 0);
      const previous = this.last.get(group.name) ?? new Map<number, number>();
      const current = new Map<number, number>();
      let delta = 0;
      let rss = 0;
      let pss = 0;
      for (const pid of pids) {
        const ticks = cpuTicks(pid);
        if (ticks === null) continue;
        current.set(pid, ticks);
        // A process first seen now counts from here on; its earlier life is not in this window.
        delta += ticks - (previous.get(pid) ?? ticks);
        const mem = memoryKiB(pid);
        rss += mem.rss;
        pss += mem.pss;
      }
      this.last.set(group.name, current);
      if (!record) continue;
      const list = this.cpu.get(group.name) ?? [];
      list.push((delta / ticksPerSecond / seconds) * 100);
      this.cpu.set(group.name, list);
      this.rss.set(group.name, Math.max(this.rss.get(group.name) ?? 0, rss));
      this.pss.set(group.name, Math.max(this.pss.get(group.name) ?? 0, pss));
      this.count.set(group.name, Math.max(this.count.get(group.name) ?? 0, current.size));
    }
  }
}
