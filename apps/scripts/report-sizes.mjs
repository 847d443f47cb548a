// Prints gzipped JavaScript sizes of every built app, against the budgets in apps/README.md.
// Run after `pnpm --filter "./apps/**" build`: `node apps/scripts/report-sizes.mjs [--json]`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const appsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET = { shellInitial: 250 * 1024, remoteOwn: 150 * 1024, inboxInteractiveMs: 1000 };
const cache = new Map();

/** Gzipped size (level 9, like a static server's precompressed files) of one file under dist/. */
function gz(dist, rel) {
  const file = path.join(dist, rel.replace(/^\//, ''));
  if (!cache.has(file))
    cache.set(file, existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0);
  return cache.get(file);
}

function allJs(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return allJs(full, base);
    return name.endsWith('.js') ? [path.relative(base, full)] : [];
  });
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sum = (dist, files) => [...new Set(files)].reduce((n, f) => n + gz(dist, f), 0);

function report(name) {
  const dist = path.join(appsDir, name, 'dist');
  const statsFile = path.join(dist, 'mf-stats.json');
  if (!existsSync(statsFile)) return null;
  const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  const html = existsSync(path.join(dist, 'index.html'))
    ? readFileSync(path.join(dist, 'index.html'), 'utf8')
    : '';
  const entry = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) =>
    m[1].replace(/^\/apps\/[^/]+\//, '/'),
  );
  const sharedFiles = stats.shared.flatMap((s) => [...s.assets.js.sync, ...s.assets.js.async]);
  // Sync assets load with `./app`; async ones (lazy tabs such as the ECharts dashboard) only on demand.
  const exposedFiles = stats.exposes.flatMap((e) => e.assets.js.sync);
  const lazyFiles = stats.exposes.flatMap((e) => e.assets.js.async);
  const remoteEntry = stats.metaData?.remoteEntry?.name ? [stats.metaData.remoteEntry.name] : [];
  const all = allJs(dist);
  const sharedSet = new Set(sharedFiles);
  return {
    name,
    totalJs: sum(dist, all),
    entry: sum(dist, entry),
    shared: Object.fromEntries(stats.shared.map((s) => [s.name, sum(dist, [...s.assets.js.sync])])),
    sharedTotal: sum(dist, sharedFiles),
    /** What a remote adds on top of the shared libraries when the shell loads `./app`. */
    remoteOwn: sum(dist, [...remoteEntry, ...exposedFiles.filter((f) => !sharedSet.has(f))]),
    remoteLazy: sum(
      dist,
      lazyFiles.filter((f) => !sharedSet.has(f) && !exposedFiles.includes(f)),
    ),
    ownCode: sum(
      dist,
      all.filter((f) => !sharedSet.has(f)),
    ),
  };
}

const names = readdirSync(appsDir).filter((n) => existsSync(path.join(appsDir, n, 'dist', 'mf-stats.json')));
const rows = names.map(report).filter(Boolean);
// The shell's sign-in page and signed-in inbox loads as measured in Chromium by the e2e suite, if it ran.
const measured = path.join(appsDir, '..', 'test-results', 'e2e', 'initial-js.json');
const initial = existsSync(measured) ? JSON.parse(readFileSync(measured, 'utf8')) : null;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ apps: rows, shellMeasured: initial, budget: BUDGET }, null, 2));
} else {
  console.log(
    'Gzipped JavaScript per app (budget: shell initial ≤ 250 KB; each remote ≤ 150 KB beyond shared)',
  );
  for (const r of rows) {
    const own =
      r.name === 'shell'
        ? ''
        : `  remote's own (entry + ./app): ${kb(r.remoteOwn)}${r.remoteOwn > BUDGET.remoteOwn ? ' ✗ over' : ' ✓'}, lazy ${kb(r.remoteLazy)}`;
    console.log(
      `- ${r.name.padEnd(11)} total ${kb(r.totalJs).padStart(9)}  shared ${kb(r.sharedTotal).padStart(9)}  own code ${kb(r.ownCode).padStart(9)}${own}`,
    );
  }
  const shell = rows.find((r) => r.name === 'shell');
  if (shell) {
    const big = Object.entries(shell.shared)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4);
    console.log(`  shell shared libraries, largest: ${big.map(([n, s]) => `${n} ${kb(s)}`).join(', ')}`);
  }
  if (initial?.signIn) {
    const { signIn, inbox } = initial;
    const over = signIn.gzipBytes > BUDGET.shellInitial;
    console.log(
      `- shell sign-in page JS (measured in Chromium by test/e2e): ${kb(signIn.gzipBytes)} in ${signIn.files.length} files ${over ? '✗ over budget' : '✓'}`,
    );
    console.log(
      `- inbox interactive on localhost (budget ${BUDGET.inboxInteractiveMs} ms): ${inbox.afterSignInMs} ms after the sign-in click ` +
        `${inbox.afterSignInMs > BUDGET.inboxInteractiveMs ? '✗ over (on a busy machine this measures the machine)' : '✓'}; ` +
        `${inbox.interactiveMs} ms into a signed-in visit with an empty cache (runs ${inbox.runsMs.join(', ')} ms), ` +
        `by then ${kb(inbox.gzipBytes)} of JS in ${inbox.files.length} files`,
    );
  } else {
    console.log(
      '- shell sign-in and inbox load: run the e2e suite to measure them in Chromium (test-results/e2e/initial-js.json)',
    );
  }
}
