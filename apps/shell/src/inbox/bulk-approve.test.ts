import { describe, expect, it } from 'vitest';
import { approveEach, bulkBlocker } from './bulk-approve';

const task = (id: string, form: unknown[] = []) => ({
  id,
  caseTitle: `case ${id}`,
  kind: 'approval' as const,
  form,
});

describe('approveEach', () => {
  it('approves every task on its own and keeps going after a refusal', async () => {
    const calls: string[] = [];
    const results = await approveEach([task('1'), task('2'), task('3')], async (id) => {
      calls.push(id);
      if (id === '2') throw new Error('已由他人处理');
    });
    expect(calls).toEqual(['1', '2', '3']);
    expect(results.map((r) => [r.taskId, r.ok])).toEqual([
      ['1', true],
      ['2', false],
      ['3', true],
    ]);
    expect(results[1]?.detail).toBe('已由他人处理');
  });

  it('skips tasks whose step needs a form filled in', async () => {
    const required = [{ key: 'award', label: { zh: '奖励' }, type: 'money', required: true }];
    expect(bulkBlocker(task('1', required))).toBe('needs-form');
    const results = await approveEach([task('1', required)], async () => {
      throw new Error('must not be called');
    });
    expect(results[0]).toMatchObject({ ok: false, detail: 'needs-form' });
  });

  it('says why a task claimed by another reviewer, or an applicant task, cannot be selected', () => {
    const lina = { id: 'u-lina', username: 'lina', displayName: '李娜' };
    const claimed = { ...task('1'), status: 'claimed' as const, assignee: lina };
    expect(bulkBlocker(claimed, 'u-wangfang')).toBe('claimed-by-other');
    expect(bulkBlocker(claimed, 'u-lina')).toBeNull();
    expect(bulkBlocker({ ...task('2'), kind: 'applicant-task' as const }, 'u-lina')).toBe('not-approval');
  });
});
