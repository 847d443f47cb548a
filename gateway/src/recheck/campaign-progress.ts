import type {
  RecheckCampaignDto,
  RecheckCampaignSummaryDto,
  RecheckHouseholdDto,
  RecheckHouseholdStateName,
  RecheckUnitProgressDto,
} from '@unionflow/contracts';
import type { RECHECK_OUTCOMES } from '@unionflow/domain';
import type { CampaignCaseRow, CampaignRow } from './campaign-repository';

/** Where one covered household stands, from its campaign row and its re-verification task. */
export function householdState(row: CampaignCaseRow, now: Date): RecheckHouseholdStateName {
  if (row.state === 'pending') return 'sending';
  if (row.state === 'skipped' || row.state === 'failed') return row.state;
  // Started: done once the centre decided; before its task opens (civil-affairs check running) it is pending.
  if (row.task_status === 'completed' || row.outcome !== null) return 'done';
  if ((row.task_status === 'open' || row.task_status === 'claimed') && row.due_at && row.due_at < now)
    return 'overdue';
  return 'pending';
}

export function campaignSummary(
  c: CampaignRow,
  rows: CampaignCaseRow[],
  now: Date,
): RecheckCampaignSummaryDto {
  return {
    id: c.id,
    year: c.year,
    scope: c.scope,
    startedAt: c.started_at.toISOString(),
    finishedAt: c.finished_at ? c.finished_at.toISOString() : null,
    total: rows.length,
    done: rows.filter((r) => householdState(r, now) === 'done').length,
  };
}

/** The campaign page: counts, progress by unit, outcome counts and the households still open. */
export function campaignProgress(c: CampaignRow, rows: CampaignCaseRow[], now: Date): RecheckCampaignDto {
  const states = rows.map((r) => ({ row: r, state: householdState(r, now) }));
  const count = (s: RecheckHouseholdStateName) => states.filter((x) => x.state === s).length;
  const units = new Map<string, RecheckUnitProgressDto>();
  for (const { row, state } of states) {
    const u = units.get(row.org_id) ?? {
      orgId: row.org_id,
      unit: row.unit,
      total: 0,
      done: 0,
      pending: 0,
      overdue: 0,
      skipped: 0,
    };
    u.total += 1;
    if (state === 'done') u.done += 1;
    else if (state === 'overdue') u.overdue += 1;
    else if (state === 'pending' || state === 'sending') u.pending += 1;
    else u.skipped += 1;
    units.set(row.org_id, u);
  }
  // Keyed by the re-verification form's options (RECHECK_OUTCOMES, tested against the definition).
  const outcome = (o: keyof typeof RECHECK_OUTCOMES) => rows.filter((r) => r.outcome === o).length;
  const households: RecheckHouseholdDto[] = states
    .filter((x) => x.state !== 'done')
    .map(({ row, state }) => ({
      caseId: row.case_id,
      number: row.number,
      title: row.title,
      unit: row.unit,
      state,
      dueAt: row.due_at && (state === 'pending' || state === 'overdue') ? row.due_at.toISOString() : null,
      detail: row.detail,
    }));
  return {
    ...campaignSummary(c, rows, now),
    reason: c.reason,
    startedBy: c.starter_name,
    reached: rows.filter((r) => r.state !== 'pending').length,
    started: rows.filter((r) => r.state === 'started').length,
    skipped: count('skipped'),
    failed: count('failed'),
    pending: count('pending') + count('sending'),
    overdue: count('overdue'),
    outcomes: { kept: outcome('continue'), movedLevel: outcome('change-level'), exited: outcome('exit') },
    units: [...units.values()],
    // Overdue first: those are the ones to chase.
    households: households.sort((a, b) => rank(a.state) - rank(b.state)),
  };
}

const ORDER: RecheckHouseholdStateName[] = ['overdue', 'pending', 'sending', 'failed', 'skipped', 'done'];
const rank = (s: RecheckHouseholdStateName) => ORDER.indexOf(s);
