import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * True when the org at `column` (a path like `/org-city/org-steel/`) is on the same line of the org
 * tree as the org `orgId`: the same org, one of its ancestors, or inside its subtree. Users on another
 * branch are outside a case's org boundary (ADR 011). `starts_with` avoids LIKE wildcards in org ids;
 * the path is read in the same statement, so the check costs no round trip of its own.
 */
export function onOrgLine(orgId: string, column: string): Expression<SqlBool> {
  const other = sql.ref(column);
  const path = sql`(select path from orgs where id = ${orgId})`;
  return sql<SqlBool>`(starts_with(${path}, ${other}) or starts_with(${other}, ${path}))`;
}
