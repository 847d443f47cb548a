import type { CaseDetailDto } from '@unionflow/contracts';
import { allocateCaseNumber, type Database } from '@unionflow/db';
import { type ProcessDefinition, renderCaseTitle } from '@unionflow/process-model';
import { checkFormData } from '@unionflow/workflows';
import type { Kysely } from 'kysely';
import { inStartScope, processOwnership } from '../admin/definition-owner';
import type { AuthUser } from '../auth';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../errors';
import type { TemporalContext } from '../plugins/temporal';
import { caseDetailFor } from './case-reread';
import { canStart, latestDefinition } from './definitions';
import { caseIdFor, startCase } from './engine-client';
import { requireKnownFieldValues } from './field-values';
import { requireOwnUploads } from './file-ownership';
import { moneyBoundProblems } from './money-bounds';
import { withOneOpenFile } from './open-file-guard';

/**
 * The newest published version of a process, if the user may start it: 404 when none is published,
 * 409 when it is retired, 403 when it belongs to another org's line or their roles may not start it.
 */
export async function startableDefinition(
  db: Kysely<Database>,
  user: AuthUser,
  key: string,
): Promise<ProcessDefinition> {
  const [def, owner] = await Promise.all([latestDefinition(db, key), processOwnership(db, key)]);
  if (!def) throw notFound(`没有名为 ${key} 的已发布流程 / no published process "${key}"`);
  if (owner?.retiredAt) {
    throw conflict(
      `流程「${def.name.zh}」已停用，不能再发起新的申请 / the process "${def.name.en ?? key}" has been retired; no new applications can be started`,
    );
  }
  if (owner && !inStartScope(user, owner)) {
    const unit = owner.ownerName ?? owner.ownerOrgId;
    throw forbidden(
      `流程「${def.name.zh}」仅限${unit}及其下级组织的会员发起 / only members of ${unit} and its sub-units may start "${def.name.en ?? key}"`,
    );
  }
  if (!canStart(def, user.roles)) throw forbidden('您无权发起此流程 / you may not start this process');
  return def;
}

/** Refuses data with fields the form does not have. */
export function rejectUnknownFields(def: ProcessDefinition, data: Record<string, unknown>): void {
  const known = new Set(def.form.map((f) => f.key));
  const unknown = Object.keys(data).filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw badRequest(
      `表单中没有这些字段：${unknown.join('、')} / The form has no field(s): ${unknown.join(', ')}.`,
    );
}

/**
 * Refuses data that breaks the form's rules (422 listing every problem). Amounts out of their range
 * are told first, in yuan with the field's name (the engine's own check words them for developers).
 */
export function requireValidFormData(form: ProcessDefinition['form'], data: Record<string, unknown>): void {
  const money = moneyBoundProblems(form, data);
  if (money.length > 0) throw unprocessable(money.map((p) => p.message).join(' '), money);
  const problems = checkFormData(form, data, {});
  if (problems.length > 0) {
    throw unprocessable(
      problems.join(' '),
      problems.map((message) => ({ path: '/data', message })),
    );
  }
}

/**
 * Starts a case from a complete start form and returns it as the applicant sees it. `startKey` names
 * the case: the same user and key always start the same one case (an Idempotency-Key, a draft id).
 */
export async function submitApplication(
  ctx: { db: Kysely<Database>; temporal: TemporalContext | null },
  user: AuthUser,
  def: ProcessDefinition,
  data: Record<string, unknown>,
  startKey: string | undefined,
): Promise<CaseDetailDto> {
  rejectUnknownFields(def, data);
  requireValidFormData(def.form, data);
  await requireOwnUploads(ctx.db, def, data, user.id);
  await requireKnownFieldValues(ctx.db, def.form, data);
  // The applicant's own title, else the definition's template, else the process and the applicant.
  const title =
    typeof data.title === 'string' && data.title.trim()
      ? data.title.trim()
      : (renderCaseTitle(def, data, user.displayName) ?? `${def.name.zh} - ${user.displayName}`);
  const caseId = caseIdFor(user.id, startKey);
  const caseNumber = await allocateCaseNumber(ctx.db);
  await withOneOpenFile(ctx.db, def.key, user.id, caseId, () =>
    startCase(ctx.temporal, {
      caseId,
      caseNumber,
      title,
      definition: def,
      applicant: { userId: user.id, orgId: user.orgId },
      data,
    }),
  );
  return caseDetailFor(ctx.db, user, caseId);
}
