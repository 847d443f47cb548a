import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from './repo-root';

/** The operators' dashboard shipped in deploy/ (Grafana JSON). */
export const OPERATIONS_DASHBOARD = join('deploy', 'grafana', 'unionflow-operations.json');

interface DashboardJson {
  panels: { targets?: { expr?: string }[] }[];
}

/**
 * The metric series the operators' dashboard queries from one Prometheus job (`job="…"` in the
 * selector), as the scrape shows them (`…_bucket` included). Tests of the gateway and the worker
 * check that each one is really exposed, so a renamed metric cannot leave an empty panel behind.
 */
export function dashboardSeries(job: string, root = findRepoRoot()): string[] {
  const dashboard = JSON.parse(readFileSync(join(root, OPERATIONS_DASHBOARD), 'utf8')) as DashboardJson;
  const names = new Set<string>();
  const selector = /([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\}/g;
  for (const panel of dashboard.panels) {
    for (const target of panel.targets ?? []) {
      for (const [, name, labels] of (target.expr ?? '').matchAll(selector)) {
        if (name && labels?.includes(`job="${job}"`)) names.add(name);
      }
    }
  }
  return [...names].sort();
}
