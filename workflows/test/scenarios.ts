import type { ApprovalNode, ProcessDefinition, ProcessNode } from '@unionflow/process-model';
import type { ApplicantActionInput, CaseView, DecisionInput, EndWaitInput } from '../src/messages';

/** An open task as a scenario sees it: enough to decide on it. */
export interface OpenTask {
  id: string;
  nodeId: string;
  candidates: string[];
}

/** What a scenario may do to its one case. */
export interface ScenarioDriver {
  tasks(): Promise<OpenTask[]>;
  /** Waits until the case has open tasks (timers and services finish on their own). */
  waitForTasks(count?: number): Promise<OpenTask[]>;
  decide(input: DecisionInput): Promise<CaseView>;
  applicant(input: ApplicantActionInput): Promise<CaseView>;
  endWait(input: EndWaitInput): Promise<CaseView>;
}

/** One representative case whose history is recorded as a replay fixture. */
export interface Scenario {
  /** Fixture file name, without `.json`. */
  name: string;
  definition: ProcessDefinition;
  data: Record<string, unknown>;
  /** Drives the case to its end or to a waiting point. */
  drive(d: ScenarioDriver): Promise<void>;
}

const review = (
  id: string,
  username: string,
  next: string,
  extra: Partial<ApprovalNode> = {},
): ApprovalNode => ({
  id,
  kind: 'approval',
  name: { zh: id },
  assignee: { kind: 'user', username },
  mode: 'single',
  next,
  ...extra,
});
const end = (outcome = 'approved'): ProcessNode => ({
  id: 'end',
  kind: 'end',
  name: { zh: '结束' },
  outcome,
});

function def(key: string, nodes: ProcessNode[]): ProcessDefinition {
  return {
    key,
    version: 1,
    name: { zh: key },
    department: 'innovation',
    form: [
      { key: 'title', label: { zh: '标题' }, type: 'text' },
      { key: 'signers', label: { zh: '会签人' }, type: 'user' },
    ],
    start: nodes[0]!.id,
    nodes,
  };
}

async function approveAll(d: ScenarioDriver, tasks: OpenTask[]): Promise<void> {
  for (const t of tasks) await d.decide({ taskId: t.id, actorId: t.candidates[0]!, action: 'approve' });
}

/** The cases every workflow change must still replay: one per engine path worth protecting. */
export const scenarios: Scenario[] = [
  {
    name: 'single-approval-approved',
    definition: def('replay-single', [review('review', 'lina', 'end'), end()]),
    data: { title: '单步审批' },
    async drive(d) {
      await approveAll(d, await d.tasks());
    },
  },
  {
    name: 'single-approval-rejected',
    definition: def('replay-rejected', [review('review', 'lina', 'end'), end()]),
    data: { title: '驳回' },
    async drive(d) {
      const [t] = await d.tasks();
      await d.decide({ taskId: t!.id, actorId: 'u-lina', action: 'reject', comment: '不可行' });
    },
  },
  {
    name: 'countersign-all',
    definition: def('replay-countersign', [
      {
        id: 'sign',
        kind: 'approval',
        name: { zh: '会签' },
        assignee: { kind: 'field', field: 'signers' },
        mode: 'all',
        next: 'end',
      },
      end(),
    ]),
    data: { title: '会签', signers: ['lina', 'wangfang'] },
    async drive(d) {
      await approveAll(d, await d.tasks());
    },
  },
  {
    name: 'return-to-applicant-supplement',
    definition: def('replay-return', [review('r1', 'lina', 'r2'), review('r2', 'wangfang', 'end'), end()]),
    data: { title: '退回补正' },
    async drive(d) {
      await approveAll(d, await d.tasks());
      const [r2] = await d.tasks();
      await d.decide({
        taskId: r2!.id,
        actorId: 'u-wangfang',
        action: 'return',
        to: 'applicant',
        comment: '请补充数据',
      });
      await d.applicant({
        actorId: 'u-zhangwei',
        action: 'supplement',
        data: { title: '退回补正（已补充）' },
      });
      await approveAll(d, await d.tasks());
      await approveAll(d, await d.tasks());
    },
  },
  {
    name: 'withdraw',
    definition: def('replay-withdraw', [review('r1', 'lina', 'end'), end()]),
    data: { title: '撤回' },
    async drive(d) {
      await d.applicant({ actorId: 'u-zhangwei', action: 'withdraw', comment: '不再需要' });
    },
  },
  {
    name: 'timer',
    definition: def('replay-timer', [
      { id: 'wait', kind: 'timer', name: { zh: '冷静期' }, duration: '1s', next: 'review' },
      review('review', 'lina', 'end'),
      end(),
    ]),
    data: { title: '定时' },
    async drive(d) {
      await approveAll(d, await d.waitForTasks());
    },
  },
  {
    name: 'parallel-split-join',
    definition: def('replay-parallel', [
      { id: 'split', kind: 'parallel', name: { zh: '并行' }, branches: ['a', 'b'], join: 'join' },
      review('a', 'lina', 'join'),
      review('b', 'wangfang', 'join'),
      { id: 'join', kind: 'join', name: { zh: '汇合' }, next: 'final' },
      review('final', 'chenjie', 'end'),
      end(),
    ]),
    data: { title: '并行' },
    async drive(d) {
      await approveAll(d, await d.tasks());
      await approveAll(d, await d.tasks());
    },
  },
  {
    // Ends at a waiting point: the case is back at the first step after its service was compensated.
    name: 'service-compensated-on-return',
    definition: def('replay-saga', [
      review('approve', 'lina', 'pay'),
      {
        id: 'pay',
        kind: 'service',
        name: { zh: '发放' },
        action: 'noop',
        compensation: 'noop',
        next: 'confirm',
      },
      review('confirm', 'wangfang', 'end'),
      end(),
    ]),
    data: { title: '补偿' },
    async drive(d) {
      await approveAll(d, await d.tasks());
      const [confirm] = await d.waitForTasks();
      await d.decide({ taskId: confirm!.id, actorId: 'u-wangfang', action: 'return', to: 'approve' });
      await d.waitForTasks();
    },
  },
  {
    // 依次 with a signer added mid-way: the new signer decides right after the one who added them.
    name: 'sequential-add-signer',
    definition: def('replay-sequential', [
      review('review', 'lina', 'end', { assignee: { kind: 'field', field: 'signers' }, mode: 'sequential' }),
      end(),
    ]),
    data: { title: '依次加签', signers: ['lina', 'wangfang'] },
    async drive(d) {
      const [first] = await d.tasks();
      await d.decide({ taskId: first!.id, actorId: 'u-lina', action: 'add-signer', to: 'u-chenjie' });
      for (let open = await d.tasks(); open.length > 0; open = await d.tasks()) await approveAll(d, open);
    },
  },
  {
    // 公示 with an anonymous objection from the unit's board: recorded without an actor (ADR 019).
    name: 'anonymous-objection',
    definition: def('replay-anonymous-objection', [
      {
        id: 'notice',
        kind: 'notice',
        name: { zh: '公示' },
        duration: '1h',
        publicFields: ['title'],
        onObjection: 'recheck',
        next: 'end',
      },
      review('recheck', 'chenjie', 'end'),
      end(),
    ]),
    data: { title: '匿名异议' },
    async drive(d) {
      await d.applicant({ actorId: 'anonymous', action: 'object', comment: '情况不实', anonymous: true });
      await approveAll(d, await d.waitForTasks());
    },
  },
  {
    // 催办 once per step: urged on the first step, refused a second time there, urged again on the next.
    name: 'urge-per-step',
    definition: def('replay-urge', [review('r1', 'lina', 'r2'), review('r2', 'wangfang', 'end'), end()]),
    data: { title: '催办' },
    async drive(d) {
      await d.applicant({ actorId: 'u-zhangwei', action: 'urge' });
      await d.applicant({ actorId: 'u-zhangwei', action: 'urge' }).catch(() => undefined);
      await approveAll(d, await d.tasks());
      await d.applicant({ actorId: 'u-zhangwei', action: 'urge', comment: '请尽快' });
      await approveAll(d, await d.tasks());
    },
  },
  {
    // A campaign ends a long wait early (ADR 024); a second try finds nothing waiting and is refused.
    name: 'end-wait-early',
    definition: def('replay-end-wait', [
      { id: 'wait', kind: 'timer', name: { zh: '在档等待' }, duration: '1y', next: 'review' },
      review('review', 'chenjie', 'end'),
      end(),
    ]),
    data: { title: '提前结束等待' },
    async drive(d) {
      const reason = '2026 年度清理复核启动';
      await d.endWait({ actorId: 'u-chenjie', nodeId: 'wait', reason, campaignId: 'replay-campaign' });
      await d.endWait({ actorId: 'u-chenjie', nodeId: 'wait', reason }).catch(() => undefined);
      await approveAll(d, await d.waitForTasks());
    },
  },
  {
    // 字段权限 (ADR 032): a sequential step may change the award the first step proposed (its change
    // recorded as before → after, its second signer given the same form); a hidden field is refused.
    name: 'field-permissions-edit',
    definition: def('replay-field-permissions', [
      review('r1', 'lina', 'r2', {
        form: [{ key: 'award', label: { zh: '奖励金额' }, type: 'money', required: true }],
      }),
      review('r2', 'wangfang', 'end', {
        assignee: { kind: 'users', usernames: ['wangfang', 'chenjie'] },
        mode: 'sequential',
        fieldPermissions: { award: 'edit', signers: 'hidden' },
      }),
      end(),
    ]),
    data: { title: '字段权限' },
    async drive(d) {
      const [r1] = await d.tasks();
      await d.decide({ taskId: r1!.id, actorId: 'u-lina', action: 'approve', data: { award: 500_000 } });
      const [first] = await d.tasks();
      await d
        .decide({ taskId: first!.id, actorId: 'u-wangfang', action: 'approve', data: { signers: 'x' } })
        .catch(() => undefined);
      await d.decide({
        taskId: first!.id,
        actorId: 'u-wangfang',
        action: 'approve',
        data: { award: 800_000 },
      });
      await approveAll(d, await d.tasks());
    },
  },
  {
    // 抄送 as a step of its own (ADR 032): reached after the first approval, it copies two people and
    // the case moves on to the next approval at once.
    name: 'cc-node',
    definition: def('replay-cc-node', [
      review('r1', 'lina', 'copy'),
      {
        id: 'copy',
        kind: 'cc',
        name: { zh: '抄送' },
        recipients: [{ kind: 'users', usernames: ['wangfang', 'chenjie'] }],
        next: 'r2',
      },
      review('r2', 'wangfang', 'end'),
      end(),
    ]),
    data: { title: '抄送节点' },
    async drive(d) {
      await approveAll(d, await d.tasks());
      await approveAll(d, await d.tasks());
    },
  },
];
