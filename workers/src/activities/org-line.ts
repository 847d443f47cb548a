import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * True when the org at `column` (a path like `/org-city/org-steel/`) is on the same line of the org
 * tree as `path`: the same org, one of its ancestors, or inside its subtree. Users on another branch
 * are outside a case's org boundary (ADR 011). `starts_with` avoids LIKE wildcards in org ids.
 */
export function onOrgLine(path: string, column: string): Expression<SqlBool> {
  const other = sql.ref(column);
  return sql<SqlBool>`(starts_with(${path}, ${other}) or starts_with(${other}, ${path}))`;
}
