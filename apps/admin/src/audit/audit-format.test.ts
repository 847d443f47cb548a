import { BUILT_IN_ROLES } from '@unionflow/domain/names';
import { describe, expect, it } from 'vitest';
import { roleName } from '../designer/vocabulary-names';
import { shanghaiDayRange, summarizePayload } from './audit-format';

describe('shanghaiDayRange', () => {
  it('covers whole Beijing days in UTC, end exclusive', () => {
    expect(shanghaiDayRange('2026-11-20', '2026-11-21')).toEqual({
      from: '2026-11-19T16:00:00.000Z',
      to: '2026-11-21T16:00:00.000Z',
    });
  });
  it('crosses a month end', () => {
    expect(shanghaiDayRange('2026-11-30', '2026-11-30').to).toBe('2026-11-30T16:00:00.000Z');
  });
});

describe('summarizePayload', () => {
  const names = (id: string) => (id === 'org-steel' ? '山钢工会' : id);
  it('says what an admin change changed, with unit names', () => {
    expect(
      summarizePayload(
        {
          orgId: 'org-steel',
          username: 'lina',
          changes: {
            displayName: { from: '李娜', to: '李娜娜' },
            orgId: { from: 'org-city', to: 'org-steel' },
            roles: { added: ['mediator'], removed: ['member'] },
          },
        },
        { names, role: (key) => roleName(key, 'zh') },
      ),
    ).toBe('displayName: 李娜 → 李娜娜 · orgId: org-city → 山钢工会 · roles: +调解员 −会员');
  });
  it('names every declared role, in both languages, never by its key', () => {
    for (const r of BUILT_IN_ROLES) {
      for (const lang of ['zh', 'en'] as const) {
        const line = summarizePayload({ roles: [r.key] }, { role: (key) => roleName(key, lang) });
        expect(line).toBe(`roles: ${r.name[lang]}`);
      }
    }
  });
  it('leads with the comment of a case event and hides bare ids', () => {
    expect(summarizePayload({ nodeId: 'review', comment: '同意', onBehalfOfId: null, data: { x: 1 } })).toBe(
      '同意',
    );
  });
  it('translates field names when asked', () => {
    expect(summarizePayload({ username: 'lina' }, { label: (k) => (k === 'username' ? '用户名' : k) })).toBe(
      '用户名: lina',
    );
  });
  it('keeps a masked comment masked', () => {
    expect(summarizePayload({ comment: '***' })).toBe('***');
  });
  it('names a revealed field by its label, never by its data key', () => {
    expect(
      summarizePayload(
        { field: 'idNumber', fieldLabel: { zh: '身份证号', en: 'ID number' } },
        { label: (k) => (k === 'fieldLabel' ? '字段' : k) },
      ),
    ).toBe('字段: 身份证号');
  });
});

describe('summarizePayload of a retired process', () => {
  it('reads as before → after, without the process key', () => {
    const words: Record<string, string> = { published: '已发布', retired: '已停用' };
    const line = summarizePayload(
      {
        orgId: 'org-steel',
        key: 'steel-safety-idea',
        name: '安全小建议',
        status: { from: 'published', to: 'retired' },
        version: 1,
        runningCases: 1,
      },
      { names: (id) => words[id] ?? id },
    );
    expect(line).toBe('name: 安全小建议 · version: 1 · status: 已发布 → 已停用 · runningCases: 1');
  });
});
