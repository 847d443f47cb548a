import { publishDefinition } from '@unionflow/db';
import { expect } from 'vitest';
import { hardshipCase, withDurations } from '../../../packages/domain/src';
import type { apiAs } from './http-api';

/** A demo user's signed-in HTTP caller (see http-api). */
export type Api = Awaited<ReturnType<typeof apiAs>>;

/** The parts of a case these journeys read. */
export interface CaseView {
  id: string;
  currentNodeIds: string[];
  tasks: { id: string; nodeId: string; status: string }[];
  timeline: {
    type: string;
    nodeId: string | null;
    comment: string | null;
    actor: { username: string } | null;
  }[];
}

/** Polls the case as `api` sees it until `check` holds (a minute at most). */
export async function untilCase(
  api: Api,
  caseId: string,
  check: (c: CaseView) => boolean,
): Promise<CaseView> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { status, body } = await api<CaseView>('GET', `/api/cases/${caseId}`);
    if (status === 200 && check(body)) return body;
    if (Date.now() > deadline) throw new Error(`case ${caseId} never got there: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits (as `staff`) for the step's open task, then approves it as `api` with the step's data. */
export async function approveStep(
  api: Api,
  staff: Api,
  caseId: string,
  nodeId: string,
  data: Record<string, unknown>,
): Promise<void> {
  const c = await untilCase(staff, caseId, (x) =>
    x.tasks.some((k) => k.nodeId === nodeId && k.status === 'open'),
  );
  const task = c.tasks.find((k) => k.nodeId === nodeId && k.status === 'open')!;
  const res = await api('POST', `/api/tasks/${task.id}/decisions`, { action: 'approve', data });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/**
 * zhangwei applies for the hardship file and is admitted at level 深度困难: zhaolei verifies, the centre
 * (chenjie) approves. The process is published with `durations` first, so a suite can shorten its
 * notices and yearly wait. Returns the case id.
 */
export async function admitZhangweisHousehold(
  platform: { db: Parameters<typeof publishDefinition>[0] },
  callers: { zhangwei: Api; zhaolei: Api; chenjie: Api },
  household: { monthlyIncomeFen: number; idNumber: string; durations: Record<string, string> },
): Promise<string> {
  await publishDefinition(platform.db, withDurations(hardshipCase, household.durations), 'u-admin');
  const { zhangwei, zhaolei, chenjie } = callers;
  const started = await zhangwei<CaseView>('POST', '/api/cases', {
    processKey: 'hardship-case',
    data: {
      householdMembers: '张伟（本人）；妻（无业）',
      householdSize: 2,
      address: '济南市钢城区艾山街道 1 号',
      workSituation: '在岗',
      causeCategory: 'illness',
      causeDetail: '妻子需长期透析',
      monthlyIncomeFen: household.monthlyIncomeFen,
      idNumber: household.idNumber,
    },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const id = started.body.id;
  const clears = { clearHousehold: true, clearAddress: true, clearWork: true, clearCause: true };
  await approveStep(zhaolei, chenjie, id, 'verify', { ...clears, condSeriousIllness: true });
  await approveStep(chenjie, chenjie, id, 'centre-approval', { level: 'deep' });
  return id;
}
