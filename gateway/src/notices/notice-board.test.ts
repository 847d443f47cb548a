import { hardshipCase } from '@unionflow/domain';
import type { ProcessDefinition } from '@unionflow/process-model';
import { describe, expect, it } from 'vitest';
import { isOnNotice, maskName, toNoticeItem } from './notice-board';
import type { NoticeRow } from './notice-repository';

const until = '2026-12-07T16:30:00.000Z';
const row = (over: Partial<NoticeRow> = {}): NoticeRow => ({
  case_id: 'c1',
  org_id: 'org-steel',
  process_key: 'hardship-case',
  process_version: 1,
  data: {
    level: 'deep',
    causeCategory: 'illness',
    idNumber: '370102198801011234',
    monthlyIncomeFen: 450_000,
  },
  applicant_name: '张伟',
  unit: '山钢莱芜分公司工会',
  event_type: 'notice-published',
  node_id: 'exit-notice',
  step_name: { zh: '退档公示', en: 'Public notice of the exit' },
  event_data: { until },
  ...over,
});

describe('the notice board entry', () => {
  it('masks all but the surname', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳修')).toBe('欧**');
    expect(maskName('')).toBe('*');
  });

  it('is on notice only while its latest event published a period that has not ended', () => {
    expect(isOnNotice(row(), new Date('2026-12-07T16:29:59Z'))).toBe(true);
    expect(isOnNotice(row(), new Date(until))).toBe(false);
    expect(isOnNotice(row({ event_type: 'objection' }), new Date('2026-12-01T00:00:00Z'))).toBe(false);
    expect(isOnNotice(row({ event_data: {} }), new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });

  it('shows labels, never codes, and ends on the Beijing date', () => {
    const item = toNoticeItem(row(), hardshipCase);
    expect(item?.fields).toEqual([
      {
        key: 'level',
        label: { zh: '困难类别', en: 'Level' },
        value: { zh: '深度困难', en: 'Deep hardship' },
      },
      {
        key: 'causeCategory',
        label: { zh: '致困原因', en: 'Cause of hardship' },
        value: { zh: '因病', en: 'Illness' },
      },
    ]);
    // 16:30 UTC is past midnight in Beijing.
    expect(item?.endsOn).toBe('2026-12-08');
  });

  it('never shows household data, even when a definition lists it', () => {
    const careless: ProcessDefinition = {
      ...hardshipCase,
      nodes: hardshipCase.nodes.map((n) =>
        n.id === 'exit-notice' && n.kind === 'notice'
          ? { ...n, publicFields: ['idNumber', 'monthlyIncomeFen', 'level'] }
          : n,
      ),
    };
    const item = toNoticeItem(row(), careless);
    expect(item?.fields.map((f) => f.key)).toEqual(['level']);
    expect(JSON.stringify(item)).not.toContain('370102');
    expect(JSON.stringify(item)).not.toContain('4500');
  });
});
