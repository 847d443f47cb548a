import { describe, expect, it } from 'vitest';
import { payloadLines, shanghaiTime, summarizePayload } from './audit-summary';
import { AUDIT_FIELDS, AUDIT_VALUES } from './audit-vocabulary';

const ROLE_NAMES: Record<string, string> = { auditor: '审计员', member: '会员' };
const zh = {
  label: (field: string) => AUDIT_FIELDS[field as keyof typeof AUDIT_FIELDS]?.zh ?? field,
  names: (id: string) => AUDIT_VALUES[id as keyof typeof AUDIT_VALUES]?.zh ?? id,
  role: (key: string) => ROLE_NAMES[key] ?? key,
};

describe('the 详情 of admin operations', () => {
  it('words a restore as before → after and the version it came from', () => {
    const payload = {
      orgId: 'org-city',
      key: 'simple-approval',
      name: '简单审批',
      version: { from: 2, to: 3 },
      restoredFrom: 1,
      status: { from: 'retired', to: 'published' },
    };
    expect(summarizePayload(payload, zh)).toBe(
      '名称: 简单审批 · 版本: 2 → 3 · 恢复自版本: 1 · 状态: 已停用 → 已发布',
    );
    // The same, whatever order the stored payload's keys come back in.
    const shuffled = Object.fromEntries(Object.entries(payload).reverse());
    expect(summarizePayload(shuffled, zh)).toBe(summarizePayload(payload, zh));
  });

  it('names both people of a delegation or hand-over instead of their ids', () => {
    const payload = {
      delegationId: 'd-1',
      from: 'u-lina',
      to: 'u-wangfang',
      fromName: '李娜',
      toName: '王芳',
      reason: '调岗',
    };
    const line = summarizePayload(payload, zh);
    expect(line).toBe('委托人: 李娜 · 受托人: 王芳 · 原因: 调岗');
    expect(line).not.toContain('u-');
  });

  it('shows a role change of a user as added and removed', () => {
    const payload = {
      userId: 'u-lina',
      username: 'lina',
      changes: { roles: { added: ['auditor'], removed: [] } },
    };
    expect(summarizePayload(payload, zh)).toBe('角色: +审计员');
  });

  it('names the roles of a new user and of a change both ways', () => {
    expect(summarizePayload({ username: 'lina', roles: ['member', 'auditor'] }, zh)).toBe(
      '用户名: lina · 角色: 会员、审计员',
    );
    const line = summarizePayload({ changes: { roles: { added: ['auditor'], removed: ['member'] } } }, zh);
    expect(line).toBe('角色: +审计员 −会员');
  });

  it('shows a delegation period in Beijing time, not as UTC instants', () => {
    const payload = {
      fromName: '李娜',
      toName: '王芳',
      startsAt: '2026-12-06T16:30:00.000Z',
      endsAt: null,
      reason: '休假',
    };
    const line = summarizePayload(payload, zh);
    expect(line).toBe('委托人: 李娜 · 受托人: 王芳 · 开始: 2026-12-07 00:30 · 结束: — · 原因: 休假');
    expect(line).not.toMatch(/T\d\d:|Z\b/);
  });

  it('lists the lines of a 详情 with their labels for the expanded row', () => {
    const lines = payloadLines(
      {
        userId: 'u-1',
        changes: { displayName: { from: '李娜', to: '李娜娜' }, roles: { added: ['auditor'] } },
      },
      zh,
    );
    expect(lines).toEqual([
      { field: 'displayName', label: '姓名', value: '李娜 → 李娜娜' },
      { field: 'roles', label: '角色', value: '+审计员' },
    ]);
  });
});

describe('shanghaiTime', () => {
  it('moves a UTC instant to Beijing, across a day boundary', () => {
    expect(shanghaiTime('2026-12-31T17:05:00.000Z')).toBe('2027-01-01 01:05');
  });
  it('leaves text that is not an instant as it is', () => {
    expect(shanghaiTime('not a time')).toBe('not a time');
  });
});
