import { FIELD_PERMISSIONS } from './catalog';
import { permissionFields } from './field-permissions';
import { issue, stepLabel, type ValidationIssue } from './issues';
import type { ProcessDefinition } from './types';

/**
 * A step's field permissions (字段权限) may name only fields collected elsewhere in the process (the
 * start form or another step's form), never the step's own, and an applicant's step hides nothing from
 * the applicant, who always sees their own case.
 */
export function permissionIssues(def: ProcessDefinition): ValidationIssue[] {
  return def.nodes.flatMap((node) => {
    if ((node.kind !== 'approval' && node.kind !== 'applicant-task') || !node.fieldPermissions) return [];
    const label = stepLabel(node);
    const known = new Map(permissionFields(def, node).map((f) => [f.key, f]));
    const own = new Set((node.form ?? []).map((f) => f.key));
    return Object.entries(node.fieldPermissions).flatMap(([key, permission]) => {
      const field = known.get(key) ?? node.form?.find((f) => f.key === key);
      const named = field
        ? { zh: `「${field.label.zh}」(${key})`, en: `"${field.label.en ?? field.label.zh}" (${key})` }
        : { zh: ` ${key}`, en: `"${key}"` };
      if (own.has(key))
        return [
          issue(
            'invalid-field-permission',
            `${label.zh} 的字段权限不能设置本步骤自己填写的字段${named.zh}：它总是可编辑的。`,
            `${label.en}: field permissions cannot govern ${named.en}, which the step collects itself (always editable).`,
            node.id,
          ),
        ];
      if (!known.has(key))
        return [
          issue(
            'invalid-field-permission',
            `${label.zh} 的字段权限中有字段${named.zh}，但申请表单和其他步骤都不填写它。`,
            `${label.en}: the field permissions name ${named.en}, which neither the start form nor another step collects.`,
            node.id,
          ),
        ];
      if (node.kind === 'applicant-task' && permission === 'hidden')
        return [
          issue(
            'invalid-field-permission',
            `${label.zh} 由申请人办理，申请人总能看到自己的申请，字段${named.zh}不能设为「${FIELD_PERMISSIONS.hidden.zh}」。`,
            `${label.en} is the applicant's own step; the applicant always sees their case, so ${named.en} cannot be ${FIELD_PERMISSIONS.hidden.en.toLowerCase()}.`,
            node.id,
          ),
        ];
      return [];
    });
  });
}
