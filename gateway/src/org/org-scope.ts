import { type Expression, type SqlBool, sql } from 'kysely';
import { type AuthUser, subtreePrefix } from '../auth';

/** The part of the caller a scope check needs: their org and its materialised path. */
export type Scope = Pick<AuthUser, 'id' | 'orgId' | 'orgPath'>;

/**
 * SQL: the org path lies in the caller's subtree. `starts_with` rather than LIKE, so an org id with
 * `_` or `%` in it is never read as a pattern.
 */
export function pathInScope(path: Expression<string>, scope: Pick<Scope, 'orgPath'>): Expression<SqlBool> {
  return sql<SqlBool>`starts_with(${path}, ${subtreePrefix(scope.orgPath)})`;
}

/**
 * SQL: the org path lies on the line of `linePath`: that org, one of its ancestors (whose paths are
 * prefixes of it) or its subtree. Who may take over a case's task (ADR 011).
 */
export function pathOnLine(path: Expression<string>, linePath: string): Expression<SqlBool> {
  const prefix = subtreePrefix(linePath);
  return sql<SqlBool>`(starts_with(${path}, ${prefix}) or starts_with(${prefix}, ${path}))`;
}

/** Serialises org tree edits: a move rewrites a whole subtree's paths, which must not interleave. */
export function lockOrgTree() {
  return sql`SELECT pg_advisory_xact_lock(hashtext('unionflow.org_tree'))`;
}
