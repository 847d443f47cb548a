import type { RemoteEntry } from '@unionflow/ui';

/** Remotes served by `pnpm dev` servers (empty in a production build). */
export function devRemotes(): RemoteEntry[] {
  const raw = process.env.UNIONFLOW_DEV_REMOTES;
  return raw ? (JSON.parse(raw) as RemoteEntry[]) : [];
}

/** The gateway's list with dev servers added; a dev server wins over a built copy of the same app. */
export function mergeRemotes(fromApi: RemoteEntry[], dev: RemoteEntry[]): RemoteEntry[] {
  const byName = new Map<string, RemoteEntry>();
  for (const r of Array.isArray(fromApi) ? fromApi : []) {
    if (r && typeof r.name === 'string' && /^[a-z][a-z0-9-]*$/.test(r.name) && typeof r.entry === 'string') {
      byName.set(r.name, r);
    }
  }
  for (const r of dev) byName.set(r.name, { ...byName.get(r.name), ...r });
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
