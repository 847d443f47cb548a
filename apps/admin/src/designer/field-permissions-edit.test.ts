import type { ApprovalNode, ProcessDefinition, ProcessNode } from '@unionflow/process-model';
import { describe, expect, it } from 'vitest';
import { fieldSources, permissionChoices, withFieldPermission } from './field-permissions-edit';

const committee: ApprovalNode = {
  id: 'committee',
  kind: 'approval',
  name: { zh: '市总工会评审' },
  assignee: { kind: 'user', username: 'wangfang' },
  mode: 'single',
  next: 'end',
};

describe('the step panel’s field permissions', () => {
  it('writes only what differs from 只读, and drops the setting when nothing does', () => {
    const editable = withFieldPermission(committee, 'award', 'edit');
    expect(editable).toMatchObject({ fieldPermissions: { award: 'edit' } });
    const both = withFieldPermission(editable, 'phone', 'hidden');
    expect((both as ApprovalNode).fieldPermissions).toEqual({ award: 'edit', phone: 'hidden' });
    const back = withFieldPermission(withFieldPermission(both, 'award', 'read'), 'phone', 'read');
    expect(back).toEqual(committee);
    expect('fieldPermissions' in back).toBe(false);
  });

  it('never offers 隐藏 on the applicant’s own step', () => {
    const task: ProcessNode = {
      id: 'a',
      kind: 'applicant-task',
      name: { zh: '补充' },
      form: [],
      next: 'end',
    };
    expect(permissionChoices(task)).toEqual(['read', 'edit', 'required']);
    expect(permissionChoices(committee)).toEqual(['hidden', 'read', 'edit', 'required']);
  });

  it('names where each field is collected: the start form, or the step that asks for it', () => {
    const def = {
      form: [{ key: 'phone', label: { zh: '联系电话' }, type: 'text' }],
      nodes: [
        {
          ...committee,
          id: 'grassroots',
          name: { zh: '基层审核' },
          form: [{ key: 'award', label: { zh: '奖励金额' }, type: 'money' }],
        },
        committee,
      ],
    } as unknown as ProcessDefinition;
    const sources = fieldSources(def, [...def.form, ...(def.nodes[0] as ApprovalNode).form!]);
    expect([...sources.entries()]).toEqual([
      ['phone', null],
      ['award', { zh: '基层审核' }],
    ]);
  });
});
