import { describe, expect, it } from 'vitest';
import { NODE_KIND_NAMES, NODE_KINDS } from './catalog';
import { exampleApplicant as applicant, exampleOrg as org } from './example-org';
import { exampleServiceActions } from './examples';
import { namedUsernames, unknownPeopleIssues } from './issue-text';
import { simulate } from './simulate';
import type { AssigneeRule, ProcessDefinition } from './types';
import { validateDefinition } from './validate';

const opts = { serviceActions: exampleServiceActions };

/** Review by 李娜, then a 抄送 step, then the end. */
function copied(recipients: AssigneeRule[]): ProcessDefinition {
  return {
    key: 'cc-flow',
    version: 1,
    name: { zh: '抄送流程' },
    department: 'innovation',
    form: [{ key: 'title', label: { zh: '标题' }, type: 'text' }],
    start: 'review',
    nodes: [
      {
        id: 'review',
        kind: 'approval',
        name: { zh: '基层审核' },
        assignee: { kind: 'user', username: 'lina' },
        mode: 'single',
        next: 'copy',
      },
      { id: 'copy', kind: 'cc', name: { zh: '抄送市总' }, recipients, next: 'done' },
      { id: 'done', kind: 'end', name: { zh: '通过' }, outcome: 'approved' },
    ],
  };
}

describe('抄送 as a node of its own', () => {
  it('is a node kind of the vocabulary, labelled in both languages', () => {
    expect(NODE_KIND_NAMES).toContain('cc');
    expect(NODE_KINDS.cc).toEqual({ zh: '抄送', en: 'CC' });
  });

  it('is valid with recipients and predicted with the people it copies, in rule order, once each', () => {
    const def = copied([
      { kind: 'users', usernames: ['wangfang', 'lina'] },
      { kind: 'role', role: 'innovation-reviewer', scope: 'root' },
    ]);
    expect(validateDefinition(def, opts)).toEqual({ ok: true, errors: [] });
    const step = simulate(def, {}, org, applicant).find((s) => s.nodeId === 'copy');
    expect(step).toMatchObject({ kind: 'cc', name: { zh: '抄送市总' } });
    expect(step?.assignees.map((a) => a.displayName)).toEqual(['王芳', '李娜']);
  });

  it('asks for people in words when it copies nobody, and checks the fields and people it names', () => {
    const empty = validateDefinition(copied([]), opts);
    expect(empty.errors.map((e) => [e.code, e.nodeId, e.message.zh])).toEqual([
      [
        'cc-without-people',
        'copy',
        '第 2 步「抄送市总」没有设置抄送人：请选择要抄送的人员或角色，或删除这一步。',
      ],
    ]);
    const byField = validateDefinition(copied([{ kind: 'field', field: 'watchers' }]), opts);
    expect(byField.errors.map((e) => e.code)).toEqual(['field-not-collected']);
    const named = copied([{ kind: 'users', usernames: ['wangfang', 'ghost'] }]);
    expect(namedUsernames(named)).toEqual([
      { nodeId: 'review', usernames: ['lina'] },
      { nodeId: 'copy', usernames: ['wangfang', 'ghost'] },
    ]);
    expect(unknownPeopleIssues(named, new Set(['lina', 'wangfang']))[0]?.message.zh).toBe(
      '第 2 步「抄送市总」指定的人员 ghost 不存在或已停用。',
    );
  });

  it('does not make a loop wait: a loop through 抄送 alone is still refused', () => {
    const def = copied([{ kind: 'user', username: 'wangfang' }]);
    const loop = structuredClone(def);
    loop.nodes.push({ id: 'again', kind: 'cc', name: { zh: '再抄送' }, recipients: [], next: 'copy' });
    (loop.nodes[1] as { next: string }).next = 'again';
    expect(validateDefinition(loop, opts).errors.map((e) => e.code)).toContain('loop-without-wait');
  });
});
