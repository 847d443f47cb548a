import { describe, expect, it } from 'vitest';
import { campaignProgress, householdState } from './campaign-progress';
import type { CampaignCaseRow, CampaignRow } from './campaign-repository';

const now = new Date('2026-12-20T00:00:00Z');
const row = (over: Partial<CampaignCaseRow>): CampaignCaseRow => ({
  case_id: 'c1',
  number: 'UF-1',
  title: '困难职工建档',
  org_id: 'org-steel',
  unit: '山钢莱芜分公司工会',
  state: 'started',
  detail: null,
  task_status: null,
  due_at: null,
  outcome: null,
  ...over,
});
const campaign: CampaignRow = {
  id: 'k1',
  org_id: 'org-city',
  scope: '济南市总工会',
  year: 2026,
  reason: '2026 年度清理复核启动',
  started_by: 'u-chenjie',
  starter_name: '陈洁',
  started_at: new Date('2026-12-01T00:00:00Z'),
  finished_at: new Date('2026-12-01T00:01:00Z'),
};

describe('where a household stands in a campaign', () => {
  it('is pending until the re-verification is decided, and overdue once its due time has passed', () => {
    expect(householdState(row({ state: 'pending' }), now)).toBe('sending');
    expect(householdState(row({}), now)).toBe('pending');
    const due = new Date('2026-12-31T00:00:00Z');
    expect(householdState(row({ task_status: 'open', due_at: due }), now)).toBe('pending');
    const past = new Date('2026-12-19T00:00:00Z');
    expect(householdState(row({ task_status: 'claimed', due_at: past }), now)).toBe('overdue');
    expect(householdState(row({ task_status: 'completed', due_at: past, outcome: 'exit' }), now)).toBe(
      'done',
    );
    expect(householdState(row({ state: 'skipped', detail: 'x' }), now)).toBe('skipped');
  });

  it('counts by unit and by outcome, and lists the overdue households first', () => {
    const past = new Date('2026-12-10T00:00:00Z');
    const rows = [
      row({ case_id: 'a', task_status: 'completed', outcome: 'continue' }),
      row({ case_id: 'b', task_status: 'completed', outcome: 'exit' }),
      row({ case_id: 'c', task_status: 'open', due_at: new Date('2026-12-31T00:00:00Z') }),
      row({ case_id: 'd', task_status: 'open', due_at: past, org_id: 'org-2', unit: '二厂工会' }),
      row({
        case_id: 'e',
        state: 'skipped',
        detail: '未在等待年度复核 / not waiting',
        org_id: 'org-2',
        unit: '二厂工会',
      }),
    ];
    const p = campaignProgress(campaign, rows, now);
    expect(p).toMatchObject({ total: 5, done: 2, pending: 1, overdue: 1, skipped: 1, reached: 5 });
    expect(p.outcomes).toEqual({ kept: 1, movedLevel: 0, exited: 1 });
    expect(p.units).toEqual([
      {
        orgId: 'org-steel',
        unit: '山钢莱芜分公司工会',
        total: 3,
        done: 2,
        pending: 1,
        overdue: 0,
        skipped: 0,
      },
      { orgId: 'org-2', unit: '二厂工会', total: 2, done: 0, pending: 0, overdue: 1, skipped: 1 },
    ]);
    expect(p.households.map((h) => [h.caseId, h.state])).toEqual([
      ['d', 'overdue'],
      ['c', 'pending'],
      ['e', 'skipped'],
    ]);
  });
});
