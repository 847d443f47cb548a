import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../gateway/test-support/org-fixtures';
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
        'admission-notice': '1s',
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
    // Both notices: 入档公示 before the file opened, 退档公示 before it closed.
    const published = done.timeline.filter((e) => e.type === 'notice-published').map((e) => e.nodeId);
    expect(published).toEqual(['admission-notice', 'exit-notice']);
    expect(types.filter((t) => t === 'notice-ended')).toHaveLength(2);
    const archived = await h.t.db
      .selectFrom('hardship_files')
      .selectAll()
      .where('case_id', '=', id)
      .executeTakeFirst();
    expect(archived?.status).toBe('exited');
    expect(archived?.archived_at).not.toBeNull();
  });

  it('reopens the file when an objection during the public notice is upheld', async () => {
    await h.publish(
      withDurations(hardshipCase, { 'admission-notice': '1s', 'yearly-wait': '3s', 'exit-notice': '1h' }),
    );
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

describe('入档公示: the admission is on notice before the file opens', () => {
  const fileOf = (caseId: string) =>
    h.t.db.selectFrom('hardship_files').select('status').where('case_id', '=', caseId).executeTakeFirst();
  const admitted = async (username: string) => {
    const started = await h.start(username, 'hardship-case', household);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    await approve('zhaolei', started.body.id, 'verify', { ...fourClears, condSeriousIllness: true });
    await approve('chenjie', started.body.id, 'centre-approval', { level: 'deep' });
    return started.body.id;
  };

  beforeAll(async () => {
    // zhangwei already holds a file from the journeys above: a household holds one at a time.
    await addUser(h.t.db, { username: 'sunli', orgId: 'org-steel', roles: ['member'] });
  });

  it('opens the file once the notice period ends without an objection', async () => {
    await h.publish(withDurations(hardshipCase, { 'admission-notice': '2s' }));
    const id = await admitted('sunli');
    const inFile = await h.until('chenjie', id, (c) => c.data.pairing !== undefined);
    // The order on the timeline: the level, the whole notice period, then the file.
    const at = (check: (e: (typeof inFile.timeline)[number]) => boolean) => inFile.timeline.findIndex(check);
    const approved = at((e) => e.nodeId === 'centre-approval' && e.actor?.username === 'chenjie');
    const published = at((e) => e.type === 'notice-published' && e.nodeId === 'admission-notice');
    const ended = at((e) => e.type === 'notice-ended' && e.nodeId === 'admission-notice');
    const opened = at((e) => e.nodeId === 'open-file');
    expect(approved).toBeGreaterThanOrEqual(0);
    expect(published).toBeGreaterThan(approved);
    expect(ended).toBeGreaterThan(published);
    expect(opened).toBeGreaterThan(ended);
    expect(inFile.timeline.some((e) => e.type === 'objection')).toBe(false);
    expect(await fileOf(id)).toEqual({ status: 'in-file' });
  });

  it('ends the case as not admitted when the centre finds an objection founded, with the reason', async () => {
    await h.publish(withDurations(hardshipCase, { 'admission-notice': '1h' }));
    const id = await admitted('lina');
    const onNotice = await h.until('chenjie', id, (c) => c.currentNodeIds.includes('admission-notice'));
    expect(onNotice.tasks.filter((k) => k.status === 'open')).toEqual([]);
    // No file while the admission is on notice.
    expect(await fileOf(id)).toBeUndefined();
    const objected = await h.act('lina', id, 'object', { comment: '我家情况有变化，请复查' });
    expect(objected.status, JSON.stringify(objected.body)).toBe(200);
    const reason = '经复查，家庭已有稳定经营收入，不符合建档条件';
    const review = await h.task(id, 'admission-objection-review');
    expect(review.candidates.map((c) => c.username)).toEqual(['chenjie']);
    // The opinion is required: a founded objection always carries its reason.
    const bare = await h.decide('chenjie', review.id, {
      action: 'approve',
      data: { admissionObjectionFounded: true },
    });
    expect(bare.status).toBe(422);
    await approve('chenjie', id, 'admission-objection-review', {
      admissionObjectionFounded: true,
      admissionObjectionNote: reason,
    });
    const done = await h.until('lina', id, (c) => c.status !== 'running');
    expect(done).toMatchObject({ status: 'rejected', outcome: 'rejected' });
    expect(done.currentNodeIds).toEqual([]);
    expect(
      done.timeline.some((e) => e.nodeId === 'admission-objection-review' && e.actor?.username === 'chenjie'),
    ).toBe(true);
    // The centre's decision on the timeline carries the reason it gave.
    const decision = await h.t.db
      .selectFrom('timeline_events')
      .select('data')
      .where('case_id', '=', id)
      .where('node_id', '=', 'admission-objection-review')
      .where('actor_id', '=', 'u-chenjie')
      .execute();
    expect(JSON.stringify(decision)).toContain(reason);
    expect(done.timeline.some((e) => e.nodeId === 'open-file')).toBe(false);
    expect(await fileOf(id)).toBeUndefined();
    const told = await h.t.db
      .selectFrom('notifications')
      .select('message')
      .where('case_id', '=', id)
      .where('type', '=', 'service')
      .execute();
    expect(JSON.stringify(told)).toContain('异议成立');
  });
});
