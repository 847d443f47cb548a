import { describe, expect, it } from 'vitest';
import { summarizePayload } from './audit-summary';
import { AUDIT_FIELDS, AUDIT_VALUES } from './audit-vocabulary';

const zh = {
  label: (field: string) => AUDIT_FIELDS[field as keyof typeof AUDIT_FIELDS]?.zh ?? field,
  names: (id: string) => AUDIT_VALUES[id as keyof typeof AUDIT_VALUES]?.zh ?? id,
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
    expect(summarizePayload(payload, zh)).toBe('角色: +auditor');
  });
});
