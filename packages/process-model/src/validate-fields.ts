import { allCollectableFields, collectedFieldsBefore } from './collected-fields';
import { variablesOf } from './expressions';
import { issue, stepLabel, type ValidationIssue } from './issues';
import type { AssigneeRule, FormField, ProcessDefinition, ProcessNode } from './types';

/**
 * A field read by a condition, a min/max bound, an assignee `field` rule or a sub-process input must
 * be collected on EVERY path before the step that reads it (see collectedFieldsBefore). Bounds may
 * also name another field of the same form.
 */
export function fieldIssues(def: ProcessDefinition): ValidationIssue[] {
  const before = collectedFieldsBefore(def);
  const anywhere = allCollectableFields(def);
  const issues: ValidationIssue[] = [];
  const startKeys = new Set(def.form.map((f) => f.key));

  const report = (node: ProcessNode | undefined, field: string, use: { zh: string; en: string }) => {
    const where = node ? stepLabel(node) : { zh: '申请表单', en: 'The start form' };
    const never = !anywhere.has(field);
    issues.push(
      issue(
        'field-not-collected',
        never
          ? `${where.zh} 的${use.zh}使用了字段 ${field}，但流程中没有任何表单收集它。`
          : `${where.zh} 的${use.zh}使用了字段 ${field}，但并非每条到达这里的路径都会先收集它。`,
        never
          ? `${where.en}: ${use.en} uses the field "${field}", which no form in the process collects.`
          : `${where.en}: ${use.en} uses the field "${field}", which is not collected on every path before this step.`,
        node?.id,
      ),
    );
  };

  const checkBounds = (form: FormField[], known: Set<string>, node: ProcessNode | undefined) => {
    const own = new Set([...known, ...form.map((f) => f.key)]);
    for (const field of form) {
      for (const bound of [field.min, field.max]) {
        // A bound may be a path into a collected field (`awardBand.max`): its first segment must be collected.
        if (typeof bound === 'string' && !own.has(bound.split('.')[0] ?? bound)) {
          report(node, bound, { zh: `字段 ${field.key} 的上下限`, en: `the bound of field "${field.key}"` });
        }
      }
      // Options read from the data must come from a field collected before the step opens.
      const source = field.optionsFrom?.path.split('.')[0];
      if (source && !known.has(source)) {
        report(node, source, {
          zh: `字段 ${field.key} 的选项来源`,
          en: `the options of field "${field.key}"`,
        });
      }
    }
  };
  const checkRule = (
    rule: AssigneeRule,
    known: Set<string>,
    node: ProcessNode,
    use: { zh: string; en: string },
  ) => {
    if (rule.kind === 'field' && !known.has(rule.field)) report(node, rule.field, use);
  };

  checkBounds(def.form, startKeys, undefined);
  for (const node of def.nodes) {
    const known = before.get(node.id);
    if (!known) continue; // unreachable: reported elsewhere
    switch (node.kind) {
      case 'exclusive':
        node.branches.forEach((branch, i) => {
          for (const field of variablesOf(branch.condition)) {
            if (!known.has(field))
              report(node, field, { zh: `第 ${i + 1} 个分支条件`, en: `the condition of branch ${i + 1}` });
          }
        });
        break;
      case 'approval':
        checkRule(node.assignee, known, node, { zh: '审批人规则', en: 'the assignee rule' });
        for (const rule of node.cc ?? [])
          checkRule(rule, known, node, { zh: '抄送规则', en: 'the copy (cc) rule' });
        checkBounds(node.form ?? [], known, node);
        break;
      case 'applicant-task':
        checkBounds(node.form, known, node);
        break;
      case 'cc':
        for (const rule of node.recipients)
          checkRule(rule, known, node, { zh: '抄送规则', en: 'the copy (cc) rule' });
        break;
      case 'subprocess':
        for (const [childKey, parentKey] of Object.entries(node.inputs ?? {})) {
          if (!known.has(parentKey)) {
            report(node, parentKey, {
              zh: `子流程输入 ${childKey}`,
              en: `the sub-process input "${childKey}"`,
            });
          }
        }
        break;
    }
  }
  return issues;
}
