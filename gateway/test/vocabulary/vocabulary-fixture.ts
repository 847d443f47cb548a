import { randomUUID } from 'node:crypto';
import type { CaseDetailDto, TaskDto } from '@unionflow/contracts';
import { publishDefinition } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { afterAll, beforeAll, expect } from 'vitest';
import { titleField } from '../../../packages/process-model/src/test-support/review-steps';
import { createEngineHarness, type EngineHarness } from '../../../workers/test-support/engine-harness';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../test-support/app-harness';

/**
 * A process that exercises the reviewer vocabulary: the applicant names the reviewers of a sequential
 * (依次) step, who enter an award and a sensitive note, then a pair of people decide one group task.
 * Its department (rights) is not the reviewers', so they read the case only as holders, masked.
 */
export const vocabularyDefinition: ProcessDefinition = {
  key: 'vocabulary-flow',
  version: 1,
  name: { zh: '词汇测试流程', en: 'Vocabulary flow' },
  department: 'rights',
  sensitiveViewerRoles: ['assistance-centre'],
  form: [
    titleField,
    {
      key: 'reviewers',
      label: { zh: '审核人', en: 'Reviewers' },
      type: 'user',
      multiple: true,
      required: true,
    },
    { key: 'pair', label: { zh: '复核人', en: 'Second reviewers' }, type: 'user', multiple: true },
    { key: 'startDate', label: { zh: '开始日期', en: 'Start date' }, type: 'date' },
  ],
  start: 'seq',
  nodes: [
    {
      id: 'seq',
      kind: 'approval',
      name: { zh: '依次审核', en: 'Sequential review' },
      assignee: { kind: 'field', field: 'reviewers' },
      mode: 'sequential',
      form: [
        { key: 'award', label: { zh: '奖励金额', en: 'Award' }, type: 'money' },
        { key: 'note', label: { zh: '核实说明', en: 'Note' }, type: 'text', sensitive: true },
        { key: 'visitDate', label: { zh: '走访日期', en: 'Visit date' }, type: 'date' },
      ],
      next: 'group',
    },
    {
      id: 'group',
      kind: 'approval',
      name: { zh: '复核', en: 'Second review' },
      assignee: { kind: 'field', field: 'pair' },
      mode: 'single',
      next: 'end',
    },
    { id: 'end', kind: 'end', name: { zh: '通过', en: 'Approved' }, outcome: 'approved' },
  ],
};

/**
 * A gateway with its own worker and these definitions published, for one test file: `t` is the app
 * `beforeAll` builds and `as(username)` signs a user in once.
 */
export function engineSuite(queuePrefix: string, definitions: ProcessDefinition[]) {
  const state = {} as { t: TestApp; as: ReturnType<typeof sessions> };
  let engine: EngineHarness | undefined;
  beforeAll(async () => {
    const taskQueue = `${queuePrefix}-${randomUUID()}`;
    state.t = await createTestApp({ withTemporal: true, taskQueue });
    engine = await createEngineHarness({ databaseUrl: state.t.databaseUrl, taskQueue });
    for (const def of definitions) await publishDefinition(state.t.db, def, null);
    state.as = sessions(state.t);
  });
  afterAll(async () => {
    await engine?.close();
    await state.t?.close();
  });
  return {
    get t() {
      return state.t;
    },
    as: (username: string) => state.as(username),
  };
}

/**
 * {@link engineSuite} with the vocabulary process, and `start`, `decide` and `read` (the helpers
 * below) bound to its app.
 */
export function vocabularySuite() {
  const suite = engineSuite('vocab', [vocabularyDefinition]);
  return {
    get t() {
      return suite.t;
    },
    as: suite.as,
    start: (as: AuthHeaders, data: Record<string, unknown>) => startCase(suite.t, as, data),
    decide: (as: AuthHeaders, taskId: string, payload: Record<string, unknown>) =>
      decide(suite.t, as, taskId, payload),
    read: (as: AuthHeaders, caseId: string) => readCase(suite.t, as, caseId),
  };
}

/** Signs users in once per suite. */
export function sessions(t: TestApp) {
  const cache = new Map<string, AuthHeaders>();
  return async (username: string): Promise<AuthHeaders> => {
    const known = cache.get(username);
    if (known) return known;
    const headers = await login(t.app, username);
    cache.set(username, headers);
    return headers;
  };
}

/** zhangwei starts a vocabulary-flow case; expects 201. */
export async function startCase(
  t: TestApp,
  as: AuthHeaders,
  data: Record<string, unknown>,
): Promise<CaseDetailDto> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...as, 'idempotency-key': randomUUID() },
    payload: { processKey: vocabularyDefinition.key, data: { title: `vocab ${randomUUID()}`, ...data } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CaseDetailDto>();
}

/** A return to the applicant, with the comment a return expects. */
export const returnToApplicant = { action: 'return', to: 'applicant', comment: '请补充材料' };

/** Posts a decision on a task. */
export function decide(t: TestApp, as: AuthHeaders, taskId: string, payload: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/tasks/${encodeURIComponent(taskId)}/decisions`,
    headers: { ...as, 'idempotency-key': randomUUID() },
    payload,
  });
}

/** The case as `as` sees it. */
export async function readCase(t: TestApp, as: AuthHeaders, caseId: string) {
  return t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: as });
}

/** The open tasks of a case, each with its candidates' usernames. */
export function openTasks(detail: CaseDetailDto): (TaskDto & { who: string[] })[] {
  return detail.tasks
    .filter((task) => task.status === 'open' || task.status === 'claimed')
    .map((task) => ({ ...task, who: task.candidates.map((c) => c.username) }));
}

/** The one open task of a case. */
export function onlyOpenTask(detail: CaseDetailDto) {
  const open = openTasks(detail);
  expect(open).toHaveLength(1);
  return open[0]!;
}
