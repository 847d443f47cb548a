import type { ProcessNode } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition, endNode, review } from '../../test-support/definitions';
import { createEngineHarness, type EngineHarness } from '../../test-support/engine-harness';

const lina = { kind: 'user', username: 'lina' } as const;
let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness();
});
afterAll(async () => {
  await h?.close();
});

const def = (key: string, nodes: ProcessNode[]) => definition(key, nodes);
const firstTask = async (caseId: string) => (await h.openTasks(caseId))[0]!;
async function applicantNotices(caseId: string) {
  const rows = await h.db
    .selectFrom('notifications')
    .select(['type', 'message'])
    .where('case_id', '=', caseId)
    .where('user_id', '=', 'u-zhangwei')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ type: r.type, zh: r.message.zh, en: r.message.en }));
}

describe("the applicant's notices name the person and the action", () => {
  it('a return says who returned it and why, instead of a bare 待办', async () => {
    // A title ending in a quote must stay valid JSON when it is put into the message.
    const c = await h.start(def('notice-return', [review('r1', lina, 'end'), endNode()]), {
      title: '更换"布袋"',
    });
    const t = await firstTask(c.caseId);
    await h.decide(c.caseId, {
      taskId: t.id,
      actorId: 'u-lina',
      action: 'return',
      to: 'applicant',
      comment: '请补充预算',
    });
    expect(await applicantNotices(c.caseId)).toEqual([
      {
        type: 'returned',
        zh: '李娜退回了你的申请「更换"布袋"」：请补充预算',
        en: '李娜 returned your application "更换"布袋"": 请补充预算',
      },
    ]);
  });

  it('a rejection names the reviewer, and a finished case says how it ended', async () => {
    const rejected = await h.start(def('notice-reject', [review('r1', lina, 'end'), endNode()]), {
      title: '甲',
    });
    const t = await firstTask(rejected.caseId);
    await h.decide(rejected.caseId, {
      taskId: t.id,
      actorId: 'u-lina',
      action: 'reject',
      comment: '预算超标',
    });
    expect((await applicantNotices(rejected.caseId)).map((n) => n.zh)).toEqual([
      '李娜驳回了你的申请「甲」：预算超标',
    ]);

    const done = await h.start(
      def('notice-done', [
        review('r1', lina, 'end'),
        { id: 'end', kind: 'end', name: { zh: '已发放', en: 'Paid' }, outcome: 'paid' },
      ]),
      { title: '乙' },
    );
    const d = await firstTask(done.caseId);
    await h.decide(done.caseId, { taskId: d.id, actorId: 'u-lina', action: 'approve' });
    const notices = await applicantNotices(done.caseId);
    expect(notices.map((n) => [n.type, n.zh, n.en])).toEqual([
      ['case-ended', '你的申请「乙」已办结：已发放', 'Your application "乙" is finished: Paid'],
    ]);
  });

  it('a withdrawal by the applicant tells the applicant nothing', async () => {
    const c = await h.start(def('notice-withdraw', [review('r1', lina, 'end'), endNode()]), { title: '丙' });
    await h.applicant(c.caseId, { actorId: 'u-zhangwei', action: 'withdraw' });
    expect(await applicantNotices(c.caseId)).toEqual([]);
  });
});
