import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOtherOrg, addUser } from '../../gateway/test-support/org-fixtures';
import type { NoticeListDto } from '../../packages/contracts/src';
import { hardshipCase, withDurations } from '../../packages/domain/src';
import { createProcessHarness, type ProcessHarness } from './support/process-harness';

let h: ProcessHarness;
beforeAll(async () => {
  h = await createProcessHarness();
  // A fellow member of the steel company's union, a member of another union, and a second household.
  await addUser(h.t.db, { username: 'sunli', orgId: 'org-steel', roles: ['member'] });
  await addUser(h.t.db, { username: 'zhouqiang', orgId: 'org-steel', roles: ['member'] });
  await addUser(h.t.db, { username: 'wuhua', orgId: 'org-steel', roles: ['member'] });
  await h.t.db.updateTable('users').set({ display_name: '吴华' }).where('username', '=', 'wuhua').execute();
  await addUser(h.t.db, { username: 'qianjin', orgId: await addOtherOrg(h.t.db), roles: ['member'] });
});
afterAll(async () => {
  await h?.close();
});

const ID_NUMBER = '370102198801011234';
const household = {
  householdMembers: '张伟（本人，42 岁，炼钢工）；妻（40 岁，无业）',
  householdSize: 2,
  address: '济南市钢城区艾山街道 1 号',
  workSituation: '山钢莱芜分公司炼钢厂在岗',
  causeCategory: 'illness',
  causeDetail: '妻子患尿毒症需长期透析',
  monthlyIncomeFen: 450_123,
  idNumber: ID_NUMBER,
};
const fourClears = { clearHousehold: true, clearAddress: true, clearWork: true, clearCause: true };

async function approve(username: string, caseId: string, nodeId: string, data: Record<string, unknown> = {}) {
  const task = await h.task(caseId, nodeId);
  const res = await h.decide(username, task.id, { action: 'approve', data });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Opens a household's file, re-verifies it as leaving, and waits for the exit notice (退档公示). */
async function untilExitNotice(username: string): Promise<string> {
  const started = await h.start(username, 'hardship-case', household);
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const id = started.body.id;
  await approve('zhaolei', id, 'verify', { ...fourClears, condSeriousIllness: true });
  await approve('chenjie', id, 'centre-approval', { level: 'deep' });
  await approve('chenjie', id, 'reverify', { reverifyOutcome: 'exit' });
  await approve('zhaolei', id, 'exit-verification', { exitVerificationNote: '核实属实' });
  await h.until('chenjie', id, (c) => c.currentNodeIds.includes('exit-notice'));
  return id;
}

const board = async (username: string) => {
  const res = await h.t.app.inject({ method: 'GET', url: '/api/notices', headers: await h.as(username) });
  expect(res.statusCode).toBe(200);
  return { body: res.json<NoticeListDto>(), raw: res.body };
};
const object = async (username: string, caseId: string, payload: unknown) =>
  h.t.app.inject({
    method: 'POST',
    url: `/api/notices/${caseId}/objections`,
    headers: { ...(await h.as(username)), 'idempotency-key': randomUUID() },
    payload: payload as object,
  });

describe('公示: the notice board of the household’s own unit', () => {
  let caseId: string;

  beforeAll(async () => {
    await h.publish(
      withDurations(hardshipCase, { 'admission-notice': '1s', 'yearly-wait': '1s', 'exit-notice': '1h' }),
    );
    caseId = await untilExitNotice('zhangwei');
  });

  it('shows a fellow member only the public fields: masked name, unit, level, cause and end date', async () => {
    const { body, raw } = await board('sunli');
    expect(body.items).toHaveLength(1);
    const item = body.items[0]!;
    expect(item).toMatchObject({
      caseId,
      title: { zh: '退档公示' },
      maskedName: '张*',
      unit: '山钢莱芜分公司工会',
      fields: [
        { key: 'level', label: { zh: '困难类别' }, value: { zh: '深度困难' } },
        { key: 'causeCategory', label: { zh: '致困原因' }, value: { zh: '因病' } },
      ],
    });
    // About an hour from now, and the day is Beijing's.
    const endsAt = new Date(item.endsAt).getTime();
    expect(endsAt - Date.now()).toBeGreaterThan(50 * 60_000);
    expect(item.endsOn).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(item.endsAt)),
    );
    // Nothing else of the household leaks.
    for (const secret of [
      ID_NUMBER,
      '3701',
      '450123',
      '4501.23',
      household.address,
      '艾山街道',
      household.householdMembers,
      household.causeDetail,
      '张伟',
      'u-zhangwei',
      'zhangwei',
    ])
      expect(raw).not.toContain(secret);
  });

  it('shows members of other units an empty board, and answers their objection with 404', async () => {
    // Another grassroots union, and the city federation above the unit: the board is the unit's own.
    expect((await board('qianjin')).body.items).toEqual([]);
    expect((await board('wangfang')).body.items).toEqual([]);
    const res = await object('qianjin', caseId, { reason: '情况不实' });
    expect(res.statusCode).toBe(404);
    expect((await object('wangfang', caseId, { reason: '情况不实' })).statusCode).toBe(404);
    expect((await object('sunli', randomUUID(), { reason: '情况不实' })).statusCode).toBe(404);
  });

  it('refuses an objection without a usable reason', async () => {
    expect((await object('sunli', caseId, {})).statusCode).toBe(400);
    expect((await object('sunli', caseId, { reason: '   ' })).statusCode).toBe(400);
    expect((await object('sunli', caseId, { reason: 'x'.repeat(501) })).statusCode).toBe(400);
    const control = await object('sunli', caseId, { reason: '收入\u0000不实' });
    expect(control.statusCode).toBe(400);
    const noCsrf = await h.t.app.inject({
      method: 'POST',
      url: `/api/notices/${caseId}/objections`,
      headers: { cookie: (await h.as('sunli')).cookie, 'idempotency-key': randomUUID() },
      payload: { reason: '情况不实' },
    });
    expect(noCsrf.statusCode).toBe(403);
    // Still on notice: none of these reached the case.
    expect((await board('sunli')).body.items).toHaveLength(1);
  });

  it('takes an anonymous objection to the assistance staff, naming nobody but the audit log', async () => {
    const reason = '他家新开了商铺，收入已明显好转';
    const res = await object('sunli', caseId, { reason, anonymous: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ caseId, anonymous: true });
    expect(res.body).not.toContain('sunli');

    // The assistance centre reviews it; the timeline carries the reason and no objector.
    const staff = await h.until('chenjie', caseId, (c) => c.currentNodeIds.includes('objection-review'));
    const event = staff.timeline.find((e) => e.type === 'objection');
    expect(event).toMatchObject({ comment: reason, actor: null });
    expect(staff.tasks.find((k) => k.nodeId === 'objection-review')?.candidates).toEqual([
      expect.objectContaining({ username: 'chenjie' }),
    ]);
    for (const viewer of ['chenjie', 'zhaolei', 'zhangwei', 'admin']) {
      const { body } = await h.get(viewer, caseId);
      expect(JSON.stringify(body)).not.toContain('sunli');
    }
    const timelineRow = await h.t.db
      .selectFrom('timeline_events')
      .select(['actor_id', 'data'])
      .where('case_id', '=', caseId)
      .where('type', '=', 'objection')
      .executeTakeFirstOrThrow();
    expect(timelineRow).toEqual({ actor_id: null, data: { anonymous: true } });
    const audit = await h.t.db
      .selectFrom('audit_events')
      .select(['actor_id', 'type'])
      .where('case_id', '=', caseId)
      .where('type', '=', 'anonymous-objection')
      .execute();
    expect(audit).toEqual([{ actor_id: 'u-sunli', type: 'anonymous-objection' }]);
    // Off the board while it is reviewed.
    expect((await board('sunli')).body.items).toEqual([]);
  });

  it('takes a named objection when the notice is published again, and names the objector to staff', async () => {
    await approve('chenjie', caseId, 'objection-review', {
      objectionUpheld: false,
      objectionNote: '经核实不成立',
    });
    await h.until('chenjie', caseId, (c) => c.currentNodeIds.includes('exit-notice'));
    expect((await board('lina')).body.items.map((i) => i.caseId)).toEqual([caseId]);
    const res = await object('lina', caseId, { reason: '建议再次入户核实' });
    expect(res.statusCode, res.body).toBe(201);
    const staff = await h.until('chenjie', caseId, (c) =>
      c.timeline.some((e) => e.type === 'objection' && e.actor?.username === 'lina'),
    );
    expect(staff.currentNodeIds).toEqual(['objection-review']);
  });

  it('refuses an objection once the notice period is over (409)', async () => {
    await h.publish(
      withDurations(hardshipCase, { 'admission-notice': '1s', 'yearly-wait': '1s', 'exit-notice': '2s' }),
    );
    const shortId = await untilExitNotice('zhouqiang');
    // The admission notice ended too, before the file opened: wait for the exit notice's end.
    await h.until('chenjie', shortId, (c) =>
      c.timeline.some((e) => e.type === 'notice-ended' && e.nodeId === 'exit-notice'),
    );
    const res = await object('sunli', shortId, { reason: '情况不实' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toContain('公示期已结束');
    expect(res.json().detail).toContain('notice period has ended');
    expect((await board('sunli')).body.items.map((i) => i.caseId)).not.toContain(shortId);
  });
});

describe('入档公示 on the board: an admission is published like an exit, and named apart from it', () => {
  let caseId: string;

  beforeAll(async () => {
    await h.publish(withDurations(hardshipCase, { 'admission-notice': '1h' }));
    const started = await h.start('wuhua', 'hardship-case', household);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    caseId = started.body.id;
    await approve('zhaolei', caseId, 'verify', { ...fourClears, condSeriousIllness: true });
    await approve('chenjie', caseId, 'centre-approval', { level: 'deep' });
    await h.until('chenjie', caseId, (c) => c.currentNodeIds.includes('admission-notice'));
  });

  it('shows a fellow member the admission with only its public fields, titled 入档公示', async () => {
    const { body, raw } = await board('sunli');
    const item = body.items.find((i) => i.caseId === caseId);
    expect(item).toEqual({
      caseId,
      title: { zh: '入档公示', en: 'Public notice of the admission' },
      maskedName: '吴*',
      unit: '山钢莱芜分公司工会',
      fields: [
        expect.objectContaining({
          key: 'level',
          label: expect.objectContaining({ zh: '困难类别' }),
          value: expect.objectContaining({ zh: '深度困难' }),
        }),
        expect.objectContaining({
          key: 'causeCategory',
          label: expect.objectContaining({ zh: '致困原因' }),
          value: expect.objectContaining({ zh: '因病' }),
        }),
      ],
      endsAt: expect.any(String),
      endsOn: expect.any(String),
    });
    // Every other notice on the board is an exit, never confused with this one.
    for (const other of body.items.filter((i) => i.caseId !== caseId))
      expect(other.title.zh).toBe('退档公示');
    for (const secret of [ID_NUMBER, '450123', household.address, household.causeDetail, 'wuhua', '吴华'])
      expect(raw).not.toContain(secret);
    // Another unit sees nothing of it.
    expect((await board('qianjin')).body.items).toEqual([]);
  });

  it('opens the file when the centre finds the objection unfounded', async () => {
    const res = await object('sunli', caseId, { reason: '听说他家有商铺' });
    expect(res.statusCode, res.body).toBe(201);
    await h.until('chenjie', caseId, (c) => c.currentNodeIds.includes('admission-objection-review'));
    expect((await board('sunli')).body.items.map((i) => i.caseId)).not.toContain(caseId);
    await approve('chenjie', caseId, 'admission-objection-review', {
      admissionObjectionFounded: false,
      admissionObjectionNote: '经核实商铺已转让，异议不成立',
    });
    const inFile = await h.until('chenjie', caseId, (c) => c.data.pairing !== undefined);
    expect(inFile.status).toBe('running');
    const file = await h.t.db
      .selectFrom('hardship_files')
      .select(['status', 'level'])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    expect(file).toEqual({ status: 'in-file', level: 'deep' });
  });
});
