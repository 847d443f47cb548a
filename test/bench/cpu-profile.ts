import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a profile's time went: by package or area, and the hottest functions (self time). */
export interface ProfileSummary {
  file: string;
  pid: number;
  /** Wall time covered by the profile, and the share of it spent running JavaScript or GC. */
  seconds: number;
  busyPercent: number;
  byArea: { area: string; percent: number }[];
  topFunctions: { frame: string; percent: number }[];
  /** Our own functions (gateway, workers, workflows, packages) by inclusive time: themselves and all they call. */
  topOwnInclusive: { frame: string; percent: number }[];
}

/** Groups a script URL into a package (node_modules), a project directory, or node's own code. */
function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  if (url.startsWith('node:')) return 'node core';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const rest = url.slice(modules + 14).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const project = /\/(gateway|workers|workflows|packages\/[^/]+|test)\/src\//.exec(url);
  return project ? project[1]! : url.replace(/^.*\//, '');
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) return url.slice(modules + 14);
  const project = /\/(gateway|workers|workflows|packages|test)\/.*$/.exec(url);
  return project ? project[0].slice(1) : url;
}

/** Summarises one `.cpuprofile` (V8 format, as `node --cpu-prof` writes it). */
export function summariseProfile(path: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = profile.endTime - profile.startTime || 1;
  const areas = new Map<string, number>();
  const frames = new Map<string, number>();
  let idle = 0;
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') {
      idle += micros;
      continue;
    }
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + micros);
    const frame = url ? `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}` : functionName;
    frames.set(frame, (frames.get(frame) ?? 0) + micros);
  }
  // Inclusive time of our own frames: each sample counts once for every distinct own frame above it.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = new Map<string, number>();
  for (const [id, micros] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
      if (!/\/(gateway|workers|workflows|packages\/[^/]+)\/src\//.test(url) || url.includes('/node_modules/'))
        continue;
      const frame = `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
      if (seen.has(frame)) continue;
      seen.add(frame);
      own.set(frame, (own.get(frame) ?? 0) + micros);
    }
  }
  const pct = (micros: number) => Math.round((micros / total) * 1000) / 10;
  const ranked = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    file: path.replace(/^.*\//, ''),
    pid: Number(/\.(\d+)\.\d+\.\d+\.cpuprofile$/.exec(path)?.[1] ?? 0),
    seconds: Math.round(total / 1e5) / 10,
    busyPercent: pct(total - idle),
    byArea: ranked(areas).map(([area, micros]) => ({ area, percent: pct(micros) })),
    topFunctions: ranked(frames).map(([frame, micros]) => ({ frame, percent: pct(micros) })),
    topOwnInclusive: ranked(own).map(([frame, micros]) => ({ frame, percent: pct(micros) })),
  };
}

/** Summaries of every profile in `dir`, busiest first. */
export function summariseProfiles(dir: string, top = 15): ProfileSummary[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => summariseProfile(join(dir, f), top))
    .sort((a, b) => b.busyPercent * b.seconds - a.busyPercent * a.seconds);
}

/** Markdown for a summary: the areas and the top self-time functions. */
export function profileMarkdown(label: string, s: ProfileSummary): string {
  return [
    `### ${label} (pid ${s.pid}, ${s.seconds} s, ${s.busyPercent}% of one core busy)`,
    '',
    '| area (self time) | % of profile |',
    '| --- | ---: |',
    ...s.byArea.slice(0, 8).map((a) => `| ${a.area} | ${a.percent} |`),
    '',
    '| function (self time) | % of profile |',
    '| --- | ---: |',
    ...s.topFunctions.slice(0, 12).map((f) => `| \`${f.frame.replace(/\|/g, '\\|')}\` | ${f.percent} |`),
    '',
    ...(s.topOwnInclusive.length
      ? [
          '| our function (inclusive: itself and what it calls) | % of profile |',
          '| --- | ---: |',
          ...s.topOwnInclusive.slice(0, 10).map((f) => `| \`${f.frame}\` | ${f.percent} |`),
          '',
        ]
      : []),
  ].join('\n');
}

/** Where processes write their profiles: `keep` (created if needed), else a temporary directory when wanted. */
export function profileDirectory(wanted: boolean, keep?: string): string | undefined {
  if (keep) {
    mkdirSync(keep, { recursive: true });
    return keep;
  }
  return wanted ? mkdtempSync(join(tmpdir(), 'uf-prof-')) : undefined;
}
