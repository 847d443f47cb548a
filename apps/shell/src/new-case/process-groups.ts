/** What the grid needs of a process. */
export interface GridProcess {
  key: string;
  name: { zh: string; en?: string };
  department: string;
}

/** One department's tiles. */
export interface ProcessGroup<P extends GridProcess> {
  department: string;
  processes: P[];
}

/**
 * Whether a process's name holds every word typed, in Chinese or English, ignoring case: "帮扶" and
 * "aid" both find 困难帮扶申请 / Hardship aid.
 */
export function matchesSearch(name: GridProcess['name'], query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${name.zh} ${name.en ?? ''}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/**
 * The processes matching `query`, grouped by department: departments in `order` first (in that
 * order), any other after them as they come; within a group the server's order is kept.
 */
export function groupProcesses<P extends GridProcess>(
  processes: readonly P[],
  query: string,
  order: readonly string[],
): ProcessGroup<P>[] {
  const groups = new Map<string, P[]>();
  for (const p of processes) {
    if (!matchesSearch(p.name, query)) continue;
    const list = groups.get(p.department);
    if (list) list.push(p);
    else groups.set(p.department, [p]);
  }
  const rank = (d: string) => {
    const i = order.indexOf(d);
    return i === -1 ? order.length : i;
  };
  return [...groups.entries()]
    .map(([department, list]) => ({ department, processes: list }))
    .sort((a, b) => rank(a.department) - rank(b.department));
}
