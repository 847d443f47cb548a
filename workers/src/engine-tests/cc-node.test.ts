import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition, endNode, review } from '../../test-support/definitions';
import { createEngineHarness, type EngineHarness } from '../../test-support/engine-harness';

let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('抄送 as a node of its own', () => {
  it('copies its recipients when reached and moves on at once', async () => {
    const c = await h.start(
      definition('cc-node', [
        review('r1', 'lina', 'copy'),
        {
          id: 'copy',
          kind: 'cc',
          name: { zh: '抄送' },
          recipients: [
            { kind: 'users', usernames: ['chenjie', 'wangfang'] },
            { kind: 'user', username: 'chenjie' },
          ],
          next: 'r2',
        },
        review('r2', 'zhaolei', 'end'),
        endNode(),
      ]),
      { title: '抄送节点' },
    );
    const [r1] = await h.openTasks(c.caseId);
    const copiedBefore = await h.db
      .selectFrom('notifications')
      .select('user_id')
      .where('case_id', '=', c.caseId)
      .where('type', '=', 'cc')
      .execute();
    expect(copiedBefore).toEqual([]);

    await h.decide(c.caseId, { taskId: r1!.id, actorId: 'u-lina', action: 'approve' });
    // Nobody waits on the copy: the next approval is open straight away.
    const [r2] = await h.openTasks(c.caseId);
    expect(r2).toMatchObject({ node_id: 'r2', candidates: ['u-zhaolei'] });
    const copied = await h.db
      .selectFrom('notifications')
      .select('user_id')
      .where('case_id', '=', c.caseId)
      .where('type', '=', 'cc')
      .orderBy('user_id')
      .execute();
    expect(copied.map((n) => n.user_id)).toEqual(['u-chenjie', 'u-wangfang']);
    const event = await h.db
      .selectFrom('timeline_events')
      .select(['node_id', 'data'])
      .where('case_id', '=', c.caseId)
      .where('type', '=', 'cc')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ node_id: 'copy', data: { userIds: ['u-chenjie', 'u-wangfang'] } });
    await h.decide(c.caseId, { taskId: r2!.id, actorId: 'u-zhaolei', action: 'approve' });
    expect(await h.caseRow(c.caseId)).toMatchObject({ status: 'completed' });
  });
});
