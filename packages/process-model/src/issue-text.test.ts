import { describe, expect, it } from 'vitest';
import { exampleServiceActions, richExampleDefinition } from './examples';
import { readableIssues, stepNumbers, unknownPeopleIssues } from './issue-text';
import { issue } from './issues';
import type { ProcessDefinition } from './types';
import { validateDefinition } from './validate';

const opts = { serviceActions: exampleServiceActions };

/** Three approvals in a row; the third, the city federation's countersign, names nobody yet. */
function chain(): ProcessDefinition {
  const approval = (id: string, zh: string, en: string, next: string) => ({
    id,
    kind: 'approval' as const,
    name: { zh, en },
    assignee: { kind: 'role' as const, role: 'innovation-reviewer', scope: 'nearest' as const },
    mode: 'single' as const,
    next,
  });
  return {
    key: 'award',
    version: 1,
    name: { zh: '创新奖励', en: 'Innovation award' },
    department: 'innovation',
    form: [{ key: 'award', label: { zh: '奖励金额', en: 'Award' }, type: 'money' }],
    start: 'grassroots',
    nodes: [
      { id: 'done', kind: 'end', name: { zh: '通过', en: 'Approved' }, outcome: 'approved' },
      approval('countersign', '市总工会会签', 'City federation countersign', 'done'),
      approval('grassroots', '基层审核', 'Grassroots review', 'district'),
      approval('district', '区总工会审核', 'District review', 'countersign'),
    ],
  };
}

describe('stepNumbers', () => {
  it('numbers step cards in reading order from the start, not in document order', () => {
    expect([...stepNumbers(chain()).entries()]).toEqual([
      ['grassroots', 1],
      ['district', 2],
      ['countersign', 3],
      ['done', 4],
    ]);
  });

  it('gives gateways, splits and joins no number, since the designer draws them as blocks', () => {
    const numbers = stepNumbers(richExampleDefinition);
    expect(numbers.get('level-gate')).toBeUndefined();
    expect(numbers.get('reviews')).toBeUndefined();
    expect(numbers.get('reviews-done')).toBeUndefined();
    expect(numbers.get('verify')).toBe(1);
    expect([...numbers.values()]).toEqual([...numbers.values()].map((_, i) => i + 1));
  });

  it('survives a document that is not a definition', () => {
    expect(stepNumbers(null).size).toBe(0);
    expect(stepNumbers({ start: 'x', nodes: [null, 3, { id: 'x', kind: 'end' }] }).get('x')).toBe(1);
  });
});

describe('readableIssues', () => {
  it('says which numbered step has no approver, never the JSON path', () => {
    const def = chain();
    (def.nodes[1] as { assignee: unknown }).assignee = { kind: 'role', role: '', scope: 'nearest' };
    const [only, ...rest] = validateDefinition(def, opts).errors;
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ code: 'approval-without-assignee', nodeId: 'countersign' });
    expect(only?.message).toEqual({
      zh: '第 3 步「市总工会会签」没有设置审批人。',
      en: 'Step 3 "City federation countersign" has no approver set.',
    });
  });

  it('names a missing assignee the same way whether the rule is absent or left empty', () => {
    for (const assignee of [undefined, { kind: 'users', usernames: [] }, { kind: 'user', username: '' }]) {
      const def = chain();
      (def.nodes[1] as { assignee: unknown }).assignee = assignee;
      expect(validateDefinition(def, opts).errors.map((e) => e.message.zh)).toEqual([
        '第 3 步「市总工会会签」没有设置审批人。',
      ]);
    }
  });

  it('names settings and fields in words, never by path, id or key', () => {
    const broken: unknown[] = [];
    const def = chain();
    (def.nodes[2] as { mode: string }).mode = 'majority';
    broken.push(def);
    const late = chain();
    (late.nodes[3] as { deadline?: unknown }).deadline = { due: 'soon' };
    broken.push(late);
    const twice = chain();
    twice.form.push({ key: 'award', label: { zh: '奖励金额', en: 'Award' }, type: 'money', multiple: true });
    broken.push(twice);
    const messages = broken.flatMap((d) => validateDefinition(d, opts).errors.map((e) => e.message));
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const m of messages) {
      for (const text of [m.zh, m.en]) {
        expect(text).not.toMatch(/\/nodes|\/assignee|\(grassroots\)|\(district\)|\(award\)/);
      }
    }
    expect(messages[0]?.zh).toBe('第 1 步「基层审核」的审批方式不是允许的取值。');
    expect(messages[1]?.zh).toContain('第 2 步「区总工会审核」的办理时限');
    expect(messages.some((m) => m.zh.includes('「奖励金额」不能多选'))).toBe(true);
  });

  it('renames every step a message mentions and keeps code, node and path for the designer', () => {
    const def = chain();
    const raw = issue(
      'join-outside-block',
      '步骤「基层审核」(grassroots) 从并行块外部进入汇聚点 步骤「市总工会会签」(countersign)。',
      'Step "Grassroots review" (grassroots) enters the join Step "City federation countersign" (countersign).',
      'grassroots',
      '/nodes/2',
    );
    expect(readableIssues(def, [raw])).toEqual([
      {
        code: 'join-outside-block',
        nodeId: 'grassroots',
        path: '/nodes/2',
        message: {
          zh: '第 1 步「基层审核」从并行块外部进入汇聚点 第 3 步「市总工会会签」。',
          en: 'Step 1 "Grassroots review" enters the join Step 3 "City federation countersign".',
        },
      },
    ]);
  });
});

describe('unknownPeopleIssues', () => {
  it('names the step and the people this server does not know, approvers and 抄送 alike', () => {
    const def = chain();
    const countersign = def.nodes[1] as { assignee: unknown; cc?: unknown };
    countersign.assignee = { kind: 'users', usernames: ['wangfang', 'ghost'] };
    countersign.cc = [
      { kind: 'user', username: 'nobody' },
      { kind: 'users', usernames: ['lina'] },
    ];
    expect(unknownPeopleIssues(def, new Set(['wangfang', 'lina']))).toEqual([
      {
        code: 'unknown-user',
        nodeId: 'countersign',
        message: {
          zh: '第 3 步「市总工会会签」指定的人员 ghost、nobody 不存在或已停用。',
          en: 'Step 3 "City federation countersign" names people who do not exist or are disabled: ghost, nobody.',
        },
      },
    ]);
    expect(unknownPeopleIssues(def, new Set(['wangfang', 'lina', 'ghost', 'nobody']))).toEqual([]);
  });
});
