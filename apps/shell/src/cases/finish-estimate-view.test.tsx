import { addTranslations, initI18n } from '@unionflow/ui/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionResources } from '../i18n/action-resources';
import { FinishEstimate } from './finish-estimate-view';

initI18n();
beforeAll(() => addTranslations(actionResources));

const read = (estimate: Parameters<typeof FinishEstimate>[0]['estimate']) =>
  renderToStaticMarkup(<FinishEstimate estimate={estimate} />).replace(/<[^>]+>/g, '');

describe('预计办结 in words', () => {
  it('gives the day, and says when it comes from recent cases', () => {
    expect(read({ finishDay: '2026-12-23', basis: 'deadlines' })).toBe('预计办结：2026-12-23');
    expect(read({ finishDay: '2026-12-23', basis: 'history' })).toContain('按近期同类事项的办理用时估算');
    expect(read({ finishDay: '2026-12-23', basis: 'deadlines', lateStep: { zh: '基层审核' } })).toBe(
      '预计办结：2026-12-23「基层审核」已超期，按今日办结起算',
    );
  });

  it('says in one line why there is no day', () => {
    expect(read({ finishDay: null, waiting: { step: { zh: '公示' }, until: '2026-12-20T02:00:00Z' } })).toBe(
      '等待公示结束，2026-12-20 后继续',
    );
    expect(read({ finishDay: null, unknownStep: { zh: '补充材料' } })).toBe(
      '「补充材料」未设办理时限，暂无法预计办结时间',
    );
  });
});
