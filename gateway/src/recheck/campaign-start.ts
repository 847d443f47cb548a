import { randomUUID } from 'node:crypto';
import type { Database, RecheckCaseState } from '@unionflow/db';
import { recheckCampaignReason } from '@unionflow/domain';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { AppError } from '../errors';
import {
  type CampaignRow,
  campaignOfYear,
  type FileInScope,
  filesInScope,
  insertCampaign,
  UNIQUE_VIOLATION,
} from './campaign-repository';

/** Why a file is not re-checked by the campaign: the case is elsewhere in its life (bilingual). */
export function skipReason(file: FileInScope): string {
  const step = file.current_step;
  return step
    ? `正在办理「${step.zh}」，未在等待年度复核 / at "${step.en ?? step.zh}", not waiting for the yearly re-check`
    : '未在等待年度复核 / not waiting for the yearly re-check';
}

/** 409 naming the campaign already started for this year and scope. */
export function campaignExists(existing: Pick<CampaignRow, 'id' | 'year'>): AppError {
  return new AppError(
    409,
    'campaign-exists',
    `${existing.year} 年度复核已经发起，不能重复发起 / the ${existing.year} re-check has already been started in this scope`,
    { extensions: { existingCampaign: { id: existing.id, year: existing.year } } },
  );
}

/**
 * Records the year's campaign over every open hardship file in the caller's subtree: files waiting at
 * the yearly timer are queued for the engine, the others are listed as skipped with the reason. The
 * scope is the caller's org, so one campaign per year per scope is a unique key the database enforces.
 */
export async function recordCampaign(
  db: Kysely<Database>,
  user: AuthUser,
  year: number,
): Promise<{ id: string; reason: string }> {
  const existing = await campaignOfYear(db, user.orgId, year);
  if (existing) throw campaignExists(existing);
  const files = await filesInScope(db, user);
  const id = randomUUID();
  const reason = recheckCampaignReason(year);
  const cases = files.map((f) => ({
    caseId: f.case_id,
    orgId: f.org_id,
    state: (f.waiting ? 'pending' : 'skipped') as RecheckCaseState,
    detail: f.waiting ? null : skipReason(f),
  }));
  try {
    await insertCampaign(
      db,
      { id, orgId: user.orgId, year, reason, startedBy: user.id, at: new Date() },
      cases,
    );
  } catch (err) {
    if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
    const winner = await campaignOfYear(db, user.orgId, year);
    throw campaignExists(winner ?? { id: '', year });
  }
  return { id, reason };
}
