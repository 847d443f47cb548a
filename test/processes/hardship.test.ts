import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardshipCase, withDurations } from '../../packages/domain/src';
import { createProcessHarness, type ProcessHarness } from './support/process-harness';

let h: ProcessHarness;
beforeAll(async () => {
  h = await createProcessHarness();
});
afterAll(async () => {
  await h?.close();
});

/** zhangwei's household; the ID number is in the shipped civil-affairs sample (well above the lines). */
const household = {
  householdMembers: '张伟（本人，42 岁，炼钢工）；妻（40 岁，无业）；子（16 岁，高中）',
  householdSize: 3,
  address: '济南市钢城区艾山街道 1 号',
  workSituation: '山钢莱芜分公司炼钢厂在岗',
  causeCategory: 'illness',
  causeDetail: '妻子患尿毒症需长期透析，自付费用高',
  monthlyIncomeFen: 450_000,
  idNumber: '370102198801011234',
};
const fourClears = { clearHousehold: true, clearAddress: true, clearWork: true, clearCause: true };

async function approve(username: string, caseId: string, nodeId: string, data: Record<string, unknown> = {}) {
  const task = await h.task(caseId, nodeId);
  expect(task.candidates.map((c) => c.username)).toEqual([username]);
  const res = await h.decide(username, task.id, { action: 'approve', data });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Opens a file for zhangwei and waits for the first yearly re-verification task. */
async function openFileUntilReverification(): Promise<string> {
  const started = await h.start('zhangwei', 'hardship-case', household);
  expect(started.status).toBe(201);
  const id = started.body.id;
  await approve('zhaolei', id, 'verify', {
    ...fourClears,
    condSeriousIllness: true,
    verificationNote: '已入户核实',
  });
  await approve('chenjie', id, 'centre-approval', { level: 'deep' });
  await h.task(id, 'reverify');
  return id;
}

describe('hardship file over HTTP', () => {
  beforeAll(async () => {
    await h.publish(
      withDurations(hardshipCase, {
        'yearly-wait': '3s',
        'exit-notice': '2s',
        'follow-up-3-wait': '1s',
        'follow-up-6-wait': '2s',
        'follow-up-12-wait': '3s',
      }),
    );
  });

  it('opens the file, pays aid while in it, and ends in exit after the yearly re-verification', async () => {
    const started = await h.start('zhangwei', 'hardship-case', household);
    const id = started.body.id;
    // Household data: the applicant and assistance staff in scope see it; others see it masked or not at all.
    expect((await h.get('zhangwei', id)).body.data.address).toBe(household.address);
    expect((await h.get('chenjie', id)).body.data.address).toBe(household.address);
    // The ID number is shown partly even to them, whole only on an audited reveal.
    expect((await h.get('zhaolei', id)).body.data.idNumber).toBe('3701**********1234');
    const masked = (await h.get('admin', id)).body.data;
    expect(masked).toMatchObject({
      address: '***',
      idNumber: '***',
      monthlyIncomeFen: '***',
      causeCategory: 'illness',
    });
    expect((await h.get('lina', id)).status).toBe(404);

    await approve('zhaolei', id, 'verify', { ...fourClears, condSeriousIllness: true });
    await approve('chenjie', id, 'centre-approval', {
      level: 'deep',
    });
    const inFile = await h.until('zhangwei', id, (c) => c.data.pairing !== undefined);
    expect(inFile.data.pairing).toMatchObject({
      cadreUsername: 'zhaolei',
      cardNumber: `LXK-${inFile.number}`,
    });
    const file = await h.t.db
      .selectFrom('hardship_files')
      .selectAll()
      .where('case_id', '=', id)
      .executeTakeFirst();
    expect(file).toMatchObject({ status: 'in-file', level: 'deep', cadre_id: 'u-zhaolei' });

    // Medical aid while in the file: its own approval with an amount, no more than requested.
    const aid = await h.start('zhangwei', 'hardship-aid-request', {
      aidType: 'medical',
      amountFen: 300_000,
      reason: '透析自付费用',
    });
    expect(aid.status).toBe(201);
    await approve('zhaolei', aid.body.id, 'cadre-check', { cadreNote: '票据属实' });
    const centre = await h.task(aid.body.id, 'centre-approval');
    const over = await h.decide('chenjie', centre.id, {
      action: 'approve',
      data: { approvedAmountFen: 300_001 },
    });
    expect(over.status).toBe(422);
    await approve('chenjie', aid.body.id, 'centre-approval', { approvedAmountFen: 250_000 });
    expect(await h.until('zhangwei', aid.body.id, (c) => c.status !== 'running')).toMatchObject({
      outcome: 'paid',
    });
    const aidPaid = await h.t.db
      .selectFrom('payments')
      .select(['payee_id', 'amount_fen', 'kind'])
      .where('case_id', '=', aid.body.id)
      .execute();
    expect(aidPaid).toEqual([{ payee_id: 'u-zhangwei', amount_fen: '250000', kind: 'hardship-aid' }]);

    // The year passes (3 s here): civil-affairs data says the household is above both lines.
    await h.task(id, 'reverify');
    const advised = await h.until('chenjie', id, (c) => c.data.civilAffairs !== undefined);
    expect(advised.data.civilAffairs).toMatchObject({
      found: true,
      perCapitaFen: 300_000,
      recommendation: 'exit',
    });
    // The household's finances from civil affairs are masked like the form's household fields.
    expect((await h.get('admin', id)).body.data.civilAffairs).toBe('***');
    await approve('chenjie', id, 'reverify', { reverifyOutcome: 'exit', reverifyNote: '家庭收入已明显改善' });
    await approve('zhaolei', id, 'exit-verification', { exitVerificationNote: '核实属实' });
    for (const months of [3, 6, 12])
      await approve('zhaolei', id, `follow-up-${months}`, { [`followUp${months}Note`]: '生活稳定' });
    const done = await h.until('zhangwei', id, (c) => c.status !== 'running');
    expect(done).toMatchObject({ status: 'completed', outcome: 'exited' });
    const types = done.timeline.map((e) => e.type);
    expect(types).toContain('notice-published');
    expect(types).toContain('notice-ended');
    const archived = await h.t.db
      .selectFrom('hardship_files')
      .selectAll()
      .where('case_id', '=', id)
      .executeTakeFirst();
    expect(archived?.status).toBe('exited');
    expect(archived?.archived_at).not.toBeNull();
  });

  it('reopens the file when an objection during the public notice is upheld', async () => {
    await h.publish(withDurations(hardshipCase, { 'yearly-wait': '3s', 'exit-notice': '1h' }));
    const id = await openFileUntilReverification();
    expect((await h.until('chenjie', id, () => true)).currentNodeIds).toEqual(['reverify']);
    await approve('chenjie', id, 'reverify', { reverifyOutcome: 'exit' });
    await approve('zhaolei', id, 'exit-verification', { exitVerificationNote: '核实属实' });
    const onNotice = await h.until('zhangwei', id, (c) =>
      c.timeline.some((e) => e.type === 'notice-published'),
    );
    // No task is open during the notice: the case is placed at the notice itself.
    expect(onNotice.currentNodeIds).toEqual(['exit-notice']);
    // Someone who cannot see the case cannot object; the household can.
    expect((await h.act('lina', id, 'object', { comment: '不同意' })).status).toBe(404);
    const objected = await h.act('zhangwei', id, 'object', {
      comment: '妻子仍在透析，收入数据未扣除医疗支出',
    });
    expect(objected.status).toBe(200);
    await approve('chenjie', id, 'objection-review', {
      objectionUpheld: true,
      objectionNote: '异议成立，恢复在档',
    });
    const back = await h.until(
      'zhangwei',
      id,
      (c) => c.timeline.filter((e) => e.type === 'timer-started').length >= 2,
    );
    expect(back.status).toBe('running');
    expect(back.currentNodeIds).toEqual(['yearly-wait']);
    // Waiting in the file, the household still sees what comes next, and what each stored result is.
    expect(back.predictedPath.map((s) => s.nodeId)).toContain('reverify');
    expect(back.dataFields).toContainEqual(
      expect.objectContaining({
        key: 'file',
        label: { zh: '建档', en: 'Open the file' },
        type: 'result',
        action: 'hardship.open-file',
        result: expect.objectContaining({ fields: expect.objectContaining({ level: expect.anything() }) }),
      }),
    );
    const file = await h.t.db
      .selectFrom('hardship_files')
      .select(['status', 'archived_at'])
      .where('case_id', '=', id)
      .executeTakeFirst();
    expect(file).toEqual({ status: 'in-file', archived_at: null });
  });

  it('does not open a file for an excluded household, and refuses aid without a file', async () => {
    const started = await h.start('lina', 'hardship-case', { ...household, idNumber: '370102197904044567' });
    await approve('zhaolei', started.body.id, 'verify', {
      ...fourClears,
      condDisability: true,
      exclPrivateVehicle: true,
    });
    const done = await h.until('lina', started.body.id, (c) => c.status !== 'running');
    expect(done).toMatchObject({ status: 'rejected' });
    expect(done.data.admission).toMatchObject({ eligible: false, excludedBy: ['exclPrivateVehicle'] });
    const aid = await h.start('lina', 'hardship-aid-request', {
      aidType: 'living',
      amountFen: 100_000,
      reason: '生活困难',
    });
    expect(await h.until('lina', aid.body.id, (c) => c.status !== 'running')).toMatchObject({
      status: 'rejected',
    });
  });
});
