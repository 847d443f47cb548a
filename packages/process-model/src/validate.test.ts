import { describe, expect, it } from 'vitest';
import {
  exampleProcessKeys,
  exampleServiceActions,
  richExampleDefinition,
  walkingSkeletonDefinition,
} from './examples';
import type { ProcessDefinition, ProcessNode } from './types';
import { validateDefinition } from './validate';
import type { ValidateOptions } from './validate-nodes';

const opts = { serviceActions: exampleServiceActions, processKeys: exampleProcessKeys };

/** A copy of the rich example with one node changed. */
function edit(
  id: string,
  change: Record<string, unknown> | ((node: Record<string, unknown>) => void),
  base = richExampleDefinition,
): ProcessDefinition {
  const def = structuredClone(base);
  const node = def.nodes.find((n) => n.id === id) as unknown as Record<string, unknown>;
  if (typeof change === 'function') {
    change(node);
    return def;
  }
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) delete node[key];
    else node[key] = value;
  }
  return def;
}
const codes = (def: unknown, o: ValidateOptions = opts) =>
  validateDefinition(def, o).errors.map((e) => e.code);
const timer = (id: string, next: string): ProcessNode => ({
  id,
  kind: 'timer',
  name: { zh: id },
  duration: '1h',
  next,
});

describe('validateDefinition', () => {
  it('accepts the examples', () => {
    expect(validateDefinition(walkingSkeletonDefinition, opts)).toEqual({ ok: true, errors: [] });
    expect(validateDefinition(richExampleDefinition, opts)).toEqual({ ok: true, errors: [] });
  });

  it('reports schema errors with a path and the step name', () => {
    expect(codes(null)).toEqual(['schema']);
    const result = validateDefinition(edit('centre-review', { mode: 'majority' }), opts);
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatchObject({
      code: 'schema',
      nodeId: 'centre-review',
      path: '/nodes/3/mode',
    });
    // Worded for people: the step by its number and name, the setting by its label, no path or id.
    expect(result.errors[0]!.message).toEqual({
      zh: '第 3 步「帮扶中心审核」的审批方式不是允许的取值。',
      en: 'Step 3 "Assistance centre review": the approval mode is not one of the allowed choices.',
    });
    const shell = validateDefinition({ ...walkingSkeletonDefinition, version: 0 }, opts);
    expect(shell.errors[0]).toMatchObject({ code: 'schema', path: '/version' });
  });

  it('names unknown node kinds, missing defaults and missing assignees specifically', () => {
    expect(codes(edit('notice', { kind: 'poster' }))).toEqual(['unknown-node-kind']);
    expect(codes(edit('level-gate', { default: undefined }))).toEqual(['exclusive-without-default']);
    expect(codes(edit('centre-review', { assignee: undefined }))).toEqual(['approval-without-assignee']);
    expect(codes(edit('centre-review', { assignee: { kind: 'role' } }))).toEqual([
      'approval-without-assignee',
    ]);
    expect(codes(edit('centre-review', { assignee: { kind: 'nobody' } }))).toEqual([
      'approval-without-assignee',
    ]);
  });

  it('reports invalid durations', () => {
    expect(codes(edit('wait-follow-up', { duration: '30 days' }))).toEqual(['invalid-duration']);
    expect(codes(edit('verify', { deadline: { due: '1d', remindBefore: '2d' } }))).toEqual([
      'invalid-duration',
    ]);
  });

  it('reports duplicate ids and dangling references', () => {
    const dup = structuredClone(walkingSkeletonDefinition);
    dup.nodes.push({ id: 'approved', kind: 'end', name: { zh: '重复' }, outcome: 'x' });
    expect(codes(dup)).toContain('duplicate-node-id');
    const missing = validateDefinition(edit('disburse', { next: 'nowhere' }), opts);
    expect(missing.errors.map((e) => e.code)).toContain('missing-target');
    expect(missing.errors.find((e) => e.code === 'missing-target')?.message.en).toBe(
      'Step 7 "Pay the aid": the next step points to a step that does not exist ("nowhere").',
    );
    expect(codes({ ...walkingSkeletonDefinition, start: 'ghost' })).toContain('missing-target');
  });

  it('reports unreachable steps and dead ends in the admin’s words', () => {
    const def = structuredClone(walkingSkeletonDefinition);
    def.nodes.push({ ...timer('review-1', 'approved'), name: { zh: '基层审核', en: 'Grassroots review' } });
    const result = validateDefinition(def, opts);
    expect(result.errors).toEqual([
      {
        code: 'unreachable',
        nodeId: 'review-1',
        message: {
          zh: '第 3 步「基层审核」从开始无法到达。',
          en: 'Step 3 "Grassroots review" cannot be reached from the start.',
        },
      },
    ]);
    const stuck = edit('wait-follow-up', { next: 'wait-follow-up' }, richExampleDefinition);
    expect(codes(stuck)).toEqual(expect.arrayContaining(['unreachable', 'no-path-to-end']));
  });

  it('reports a loop without a wait, but accepts a loop through a human step', () => {
    const busy = structuredClone(walkingSkeletonDefinition);
    busy.start = 'gate';
    busy.nodes.push(
      {
        id: 'gate',
        kind: 'exclusive',
        name: { zh: '判断' },
        branches: [{ condition: { '==': [{ var: 'data.title' }, 'x'] }, next: 'ping' }],
        default: 'review',
      },
      { id: 'ping', kind: 'service', name: { zh: '查询' }, action: 'notify.applicant', next: 'gate' },
    );
    expect(codes(busy)).toEqual(['loop-without-wait']);
    const patient = edit('centre-review', { onReject: 'supplement' });
    expect(validateDefinition(patient, opts).ok).toBe(true);
  });

  it('checks quorum settings', () => {
    expect(codes(edit('union-check', { quorum: undefined }))).toEqual(['invalid-quorum']);
    expect(codes(edit('union-check', { quorum: 0 }))).toEqual(['schema']);
    const single = edit('union-check', (n) => {
      n.assignee = { kind: 'user', username: 'zhaolei' };
      n.quorum = 2;
    });
    expect(codes(single)).toEqual(['invalid-quorum']);
    const named = (usernames: string[], quorum: number) =>
      edit('union-check', (n) => {
        n.assignee = { kind: 'users', usernames };
        n.quorum = quorum;
      });
    expect(codes(named(['lina', 'wangfang'], 2))).toEqual([]);
    expect(codes(named(['lina', 'wangfang', 'lina'], 3))).toEqual(['invalid-quorum']);
    expect(codes(named([], 1))).toEqual(['approval-without-assignee']);
  });

  it('asks for people on a 抄送 left empty', () => {
    expect(codes(edit('union-check', { cc: [] }))).toEqual(['cc-without-people']);
    const copied = edit('union-check', { cc: [{ kind: 'users', usernames: ['lina'] }] });
    expect(codes(copied)).toEqual([]);
  });

  it('lets a notice publish only collected fields that are not household data (ADR 019)', () => {
    expect(validateDefinition(edit('notice', { publicFields: ['level', 'reason'] }), opts).ok).toBe(true);
    expect(codes(edit('notice', { publicFields: ['householdIncome'] }))).toEqual(['notice-field-not-public']);
    expect(codes(edit('notice', { publicFields: ['nowhere'] }))).toEqual(['notice-field-not-public']);
  });

  it('checks service actions, compensations and sub-process keys against the registries', () => {
    expect(codes(richExampleDefinition, { serviceActions: ['payment.disburse'], processKeys: [] })).toEqual([
      'unknown-compensation-action',
      'unknown-process',
    ]);
    expect(codes(richExampleDefinition, { serviceActions: [] })).toEqual([
      'unknown-service-action',
      'unknown-compensation-action',
    ]);
  });

  it('checks parallel block structure', () => {
    const noSplit = structuredClone(walkingSkeletonDefinition);
    (noSplit.nodes[0] as { next: string }).next = 'lonely-join';
    noSplit.nodes.push({ id: 'lonely-join', kind: 'join', name: { zh: '汇' }, next: 'approved' });
    expect(codes(noSplit)).toEqual(['join-without-split']);

    expect(codes(edit('union-check', { next: 'notice' }))).toEqual(
      expect.arrayContaining(['branch-leaves-block', 'branch-misses-join']),
    );
    expect(codes(edit('reviews', { join: 'notice' }))).toEqual(
      expect.arrayContaining(['split-join-not-join']),
    );
    const intoJoin = edit('centre-review', { next: 'reviews-done' });
    expect(codes(intoJoin)).toContain('join-outside-block');
    const endsInBranch = edit('union-check', { next: 'rejected' });
    expect(codes(endsInBranch)).toEqual(['branch-misses-join']);
    // A branch may end the whole case through a shared end step (e.g. on rejection).
    expect(validateDefinition(edit('union-check', { onReject: 'rejected' }), opts).ok).toBe(true);
  });

  it('requires fields to be collected on every path before they are read', () => {
    const early = edit('level-gate', (n) => {
      (n.branches as { condition: unknown }[])[0]!.condition = { '==': [{ var: 'data.proof' }, 'x'] };
    });
    const [issue] = validateDefinition(early, opts).errors;
    expect(issue).toMatchObject({ code: 'field-not-collected', nodeId: 'level-gate' });
    expect(issue!.message.en).toContain('not collected on every path');

    const never = edit('level-gate', (n) => {
      (n.branches as { condition: unknown }[])[0]!.condition = { '==': [{ var: 'data.ghost' }, 'x'] };
    });
    expect(validateDefinition(never, opts).errors[0]!.message.en).toContain(
      'no form in the process collects',
    );

    // `proof` is collected only on the supplement path, so the centre review cannot rely on it.
    const byField = edit('centre-review', { assignee: { kind: 'field', field: 'proof' } });
    expect(codes(byField)).toEqual(['field-not-collected']);
    // The payment reference exists after the service step.
    expect(codes(edit('follow-up', { inputs: { ref: 'paymentRef' } }))).toEqual([]);
    expect(codes(edit('disburse', { params: { ref: 'visitOutcome' } }))).toEqual([]);
    expect(codes(edit('verify', { cc: [{ kind: 'field', field: 'paymentRef' }] }))).toEqual([
      'field-not-collected',
    ]);
    const bound = structuredClone(richExampleDefinition);
    bound.form[3]!.max = 'cap';
    expect(codes(bound)).toEqual(['field-not-collected']);
  });

  it('checks forms and conditions', () => {
    const dup = structuredClone(walkingSkeletonDefinition);
    dup.form.push({ key: 'title', label: { zh: '再来' }, type: 'text' });
    expect(codes(dup)).toEqual(['duplicate-field-key']);
    const select = structuredClone(walkingSkeletonDefinition);
    select.form.push({ key: 'kind', label: { zh: '类别' }, type: 'select' });
    expect(codes(select)).toEqual(['select-without-options']);
    const listed = structuredClone(walkingSkeletonDefinition);
    listed.form.push({ key: 'note', label: { zh: '备注' }, type: 'text', multiple: true });
    expect(codes(listed)).toEqual(['multiple-not-supported']);
    const fromData = structuredClone(walkingSkeletonDefinition);
    fromData.form.push({
      key: 'pick',
      label: { zh: '挑选' },
      type: 'select',
      multiple: true,
      optionsFrom: { path: 'candidates.items', value: 'id', label: ['name'] },
    });
    // Options come from data nobody collects before the start form: reported, not "no options".
    expect(codes(fromData)).toEqual(['field-not-collected']);
    const condition = edit('level-gate', (n) => {
      (n.branches as { condition: unknown }[])[0]!.condition = { like: [{ var: 'data.level' }, 'd%'] };
    });
    expect(codes(condition)).toEqual(['invalid-condition']);
  });
});
