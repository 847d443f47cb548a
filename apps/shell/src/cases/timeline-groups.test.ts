import type { TimelineEventDto } from '@unionflow/contracts';
import { describe, expect, it } from 'vitest';
import { systemStepNames, timelineLines } from './timeline-groups';

let n = 0;
const ev = (type: string, at: string, nodeId: string | null = null, zh = nodeId ?? ''): TimelineEventDto => ({
  id: `e${++n}`,
  at,
  type,
  actor: null,
  onBehalfOf: null,
  nodeId,
  stepName: nodeId ? { zh } : null,
  comment: null,
  data: {},
});

describe('timelineLines', () => {
  it('keeps people’s events on their own lines and folds runs of system steps, newest first', () => {
    const events = [
      ev('case-started', '2026-12-01T01:00:00Z'),
      ev('service-completed', '2026-12-01T01:00:01Z', 'award-band', '确定奖励区间'),
      ev('step-opened', '2026-12-01T01:00:02Z', 'review', '基层评审'),
      ev('approved', '2026-12-01T02:00:00Z', 'review', '基层评审'),
      ev('step-completed', '2026-12-01T02:00:01Z', 'review', '基层评审'),
      ev('branch-taken', '2026-12-01T02:00:02Z', 'tier-gate', '按层级分流'),
      ev('step-opened', '2026-12-01T02:00:03Z', 'delivery', '安排送奖'),
    ];
    const lines = timelineLines(events);
    expect(lines.map((l) => (l.kind === 'event' ? l.event.type : `system×${l.events.length}`))).toEqual([
      'system×3',
      'approved',
      'system×2',
      'case-started',
    ]);
    const newest = lines[0];
    expect(newest?.kind === 'system' && systemStepNames(newest.events, (s) => s?.zh)).toEqual([
      '基层评审',
      '按层级分流',
      '安排送奖',
    ]);
  });

  it('keeps an event type it does not know on its own line', () => {
    expect(timelineLines([ev('something-new', '2026-12-01T01:00:00Z')])[0]?.kind).toBe('event');
  });
});
