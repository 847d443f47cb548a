import { describe, expect, it } from 'vitest';
import { FIELD_PERMISSION_NAMES, FIELD_PERMISSIONS } from './catalog';
import { exampleServiceActions } from './examples';
import {
  editsOtherFields,
  fieldPermission,
  formWithPermissions,
  hiddenFieldKeys,
  permissionFields,
} from './field-permissions';
import { ProcessDefinitionSchema } from './schema';
import { approvedEnd, committeeReview, grassrootsReview, phoneField } from './test-support/review-steps';
import type { FieldPermission, ProcessDefinition } from './types';
import { validateDefinition } from './validate';

const opts = { serviceActions: exampleServiceActions };

/** Grassroots proposes an award; the city committee may adjust it and must state the project's level. */
function award(
  committee: Record<string, FieldPermission> | undefined,
  worker: Record<string, FieldPermission> | undefined = undefined,
): ProcessDefinition {
  return {
    key: 'award',
    version: 1,
    name: { zh: '创新奖励', en: 'Innovation award' },
    department: 'innovation',
    form: [
      { key: 'project', label: { zh: '项目名称', en: 'Project' }, type: 'text', required: true },
      { key: 'level', label: { zh: '项目级别', en: 'Level' }, type: 'text' },
      phoneField,
    ],
    start: 'grassroots',
    nodes: [
      grassrootsReview('committee'),
      committeeReview('confirm', {
        form: [{ key: 'note', label: { zh: '评审意见', en: 'Note' }, type: 'textarea' }],
        ...(committee ? { fieldPermissions: committee } : {}),
      }),
      {
        id: 'confirm',
        kind: 'applicant-task',
        name: { zh: '申请人确认', en: 'Applicant confirms' },
        form: [],
        ...(worker ? { fieldPermissions: worker } : {}),
        next: 'done',
      },
      approvedEnd('done'),
    ],
  };
}
const node = (def: ProcessDefinition, id: string) => def.nodes.find((n) => n.id === id)!;

describe('field permissions (字段权限)', () => {
  it('labels every permission in both languages, 隐藏 / 只读 / 可编辑 / 必填 in that order', () => {
    expect(FIELD_PERMISSION_NAMES).toEqual(['hidden', 'read', 'edit', 'required']);
    expect(FIELD_PERMISSION_NAMES.map((p) => FIELD_PERMISSIONS[p].zh)).toEqual([
      '隐藏',
      '只读',
      '可编辑',
      '必填',
    ]);
  });

  it('offers the start form and the other steps’ fields, never the step’s own', () => {
    const def = award(undefined);
    expect(permissionFields(def, node(def, 'committee')).map((f) => f.key)).toEqual([
      'project',
      'level',
      'phone',
      'award',
    ]);
    expect(permissionFields(def, node(def, 'grassroots')).map((f) => f.key)).toEqual([
      'project',
      'level',
      'phone',
      'note',
    ]);
  });

  it('leaves a step that says nothing as today: its own form only, everything else read-only', () => {
    const def = award(undefined);
    const committee = node(def, 'committee');
    expect(formWithPermissions(def, committee).map((f) => f.key)).toEqual(['note']);
    expect(fieldPermission(committee, 'award')).toBe('read');
    expect(hiddenFieldKeys(committee)).toEqual([]);
    expect(editsOtherFields(committee)).toBe(false);
  });

  it('adds editable and required fields to the step’s form, as defined where they are collected', () => {
    const def = award({ award: 'edit', level: 'required', phone: 'hidden', project: 'read' });
    const committee = node(def, 'committee');
    const form = formWithPermissions(def, committee);
    expect(form.map((f) => f.key)).toEqual(['note', 'award', 'level']);
    // The award keeps its own `required` (it cannot be emptied); the level must be filled here.
    expect(form.find((f) => f.key === 'award')).toMatchObject({ type: 'money', required: true });
    expect(form.find((f) => f.key === 'level')).toMatchObject({ required: true, label: { zh: '项目级别' } });
    expect(hiddenFieldKeys(committee)).toEqual(['phone']);
    expect(editsOtherFields(committee)).toBe(true);
    expect(validateDefinition(def, opts)).toEqual({ ok: true, errors: [] });
  });

  it('is part of the schema: an unknown permission is a shape error', () => {
    const def = award({ award: 'write' as FieldPermission });
    const result = validateDefinition(def, opts);
    expect(result.errors.map((e) => e.code)).toEqual(['schema']);
    expect(ProcessDefinitionSchema.properties.nodes).toBeDefined();
  });

  it('names in words a field no form collects, the step’s own field, and a field hidden from the applicant', () => {
    const result = validateDefinition(
      award({ note: 'edit', bonus: 'edit' }, { phone: 'hidden', level: 'edit' }),
      opts,
    );
    expect(result.errors.map((e) => [e.code, e.nodeId])).toEqual([
      ['invalid-field-permission', 'committee'],
      ['invalid-field-permission', 'committee'],
      ['invalid-field-permission', 'confirm'],
    ]);
    expect(result.errors.map((e) => e.message.zh)).toEqual([
      '第 2 步「市总工会评审」的字段权限不能设置本步骤自己填写的字段「评审意见」：它总是可编辑的。',
      '第 2 步「市总工会评审」的字段权限中有字段 bonus，但申请表单和其他步骤都不填写它。',
      '第 3 步「申请人确认」由申请人办理，申请人总能看到自己的申请，字段「联系电话」不能设为「隐藏」。',
    ]);
    expect(result.errors[0]!.message.en).toBe(
      'Step 2 "City committee": field permissions cannot govern "Note", which the step collects itself (always editable).',
    );
  });
});
