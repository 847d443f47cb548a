import type { ValidationReportDto } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import { SERVICE_ACTION_NAMES } from '@unionflow/domain';
import {
  namedUsernames,
  type ProcessDefinition,
  unknownPeopleIssues,
  type ValidationIssue,
  validateDefinition,
} from '@unionflow/process-model';
import type { Kysely } from 'kysely';
import { badRequest, type FieldError, unprocessable } from '../errors';

/**
 * Validates a document against the actions this deployment has and the processes it has published.
 * A document over the size limits is refused (422) rather than reported: nothing may store,
 * simulate or publish it.
 */
export async function checkDefinition(db: Kysely<Database>, document: unknown): Promise<ValidationReportDto> {
  const keys = await db.selectFrom('process_versions').select('key').distinct().execute();
  const report = validateDefinition(document, {
    serviceActions: SERVICE_ACTION_NAMES,
    processKeys: keys.map((k) => k.key),
  });
  const tooLarge = report.errors.find((e) => e.code === 'too-large');
  if (tooLarge)
    throw unprocessable(`${tooLarge.message.zh} / ${tooLarge.message.en}`, issuesAsFieldErrors([tooLarge]));
  // Named people are checked only on a sound document: the validator's own issues come first.
  if (!report.ok) return report;
  const people = await unknownPeople(db, document as ProcessDefinition);
  return people.length > 0 ? { ok: false, errors: people } : report;
}

/** Steps naming approvers or 抄送 people who are not active users of this deployment. */
async function unknownPeople(db: Kysely<Database>, def: ProcessDefinition): Promise<ValidationIssue[]> {
  const named = [...new Set(namedUsernames(def).flatMap((n) => n.usernames))];
  if (named.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('username')
    .where('username', 'in', named)
    .where('disabled', '=', false)
    .execute();
  return unknownPeopleIssues(def, new Set(rows.map((r) => r.username)));
}

/** The validator's issues as problem+json `errors`: path is the node id (or JSON pointer), message zh / en. */
export function issuesAsFieldErrors(issues: ValidationIssue[] | ValidationReportDto['errors']): FieldError[] {
  return issues.map((i) => ({
    path: i.nodeId ?? i.path ?? '/',
    message: `${i.message.zh} / ${i.message.en}`,
  }));
}

/** The document must describe the process named in the URL. */
export function requireKey(document: Record<string, unknown>, key: string): void {
  if (document.key !== key) {
    const given = typeof document.key === 'string' ? `"${document.key}"` : 'no key';
    throw badRequest(`文档的 key 必须是 ${key} / the document's key must be "${key}" (it has ${given})`, [
      { path: '/document/key', message: `must equal "${key}"` },
    ]);
  }
}
