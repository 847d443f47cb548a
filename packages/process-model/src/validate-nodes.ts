import { tryParseDuration } from './duration';
import { checkCondition } from './expressions';
import { issue, stepLabel, type ValidationIssue } from './issues';
import type { Deadline, FormField, ProcessDefinition, ProcessNode } from './types';

/** What the validator checks names against. */
export interface ValidateOptions {
  /** Action names registered in the service registry. */
  serviceActions: string[];
  /** Published process keys a sub-process may start; when absent sub-process keys are not checked. */
  processKeys?: string[];
}

/** Checks each node on its own: assignees, actions, durations, forms, conditions. */
export function nodeIssues(def: ProcessDefinition, opts: ValidateOptions): ValidationIssue[] {
  const issues: ValidationIssue[] = formIssues(def.form, undefined);
  for (const node of def.nodes) issues.push(...checkNode(node, opts));
  issues.push(...noticeFieldIssues(def));
  return issues;
}

/** A notice may publish only fields the process collects and that are not household data (ADR 019). */
function noticeFieldIssues(def: ProcessDefinition): ValidationIssue[] {
  const fields = [
    ...def.form,
    ...def.nodes.flatMap((n) => ('form' in n && Array.isArray(n.form) ? n.form : [])),
  ];
  return def.nodes.flatMap((node) => {
    if (node.kind !== 'notice') return [];
    const label = stepLabel(node);
    return (node.publicFields ?? []).flatMap((key) => {
      const found = fields.filter((f) => f.key === key);
      if (found.length === 0)
        return [
          issue(
            'notice-field-not-public',
            `${label.zh} 公示的字段 ${key} 不是本流程填写的字段。`,
            `${label.en} shows the field "${key}", which no form of this process collects.`,
            node.id,
          ),
        ];
      if (found.some((f) => f.sensitive || f.revealOnly))
        return [
          issue(
            'notice-field-not-public',
            `${label.zh} 不能公示家庭敏感信息（${key}）。`,
            `${label.en} may not show household data ("${key}") on the notice board.`,
            node.id,
          ),
        ];
      return [];
    });
  });
}

function checkNode(node: ProcessNode, opts: ValidateOptions): ValidationIssue[] {
  const label = stepLabel(node);
  const issues: ValidationIssue[] = [];
  switch (node.kind) {
    case 'approval': {
      if (node.mode === 'quorum' && node.quorum === undefined) {
        issues.push(
          issue(
            'invalid-quorum',
            `${label.zh} 采用按人数通过（quorum），但没有设置需要多少人同意（至少 1）。`,
            `${label.en} uses quorum mode but does not say how many approvals are needed (at least 1).`,
            node.id,
          ),
        );
      }
      const named = node.assignee.kind === 'users' ? new Set(node.assignee.usernames).size : undefined;
      const singleCandidate = node.assignee.kind !== 'role' && node.assignee.kind !== 'field' && !named;
      if (node.mode === 'quorum' && node.quorum !== undefined && node.quorum > 1 && singleCandidate) {
        issues.push(
          issue(
            'invalid-quorum',
            `${label.zh} 只有一位审批人，却要求 ${node.quorum} 人同意。`,
            `${label.en} has a single assignee but requires ${node.quorum} approvals.`,
            node.id,
          ),
        );
      }
      if (node.mode === 'quorum' && node.quorum !== undefined && named && node.quorum > named) {
        issues.push(
          issue(
            'invalid-quorum',
            `${label.zh} 只指定了 ${named} 位审批人，却要求 ${node.quorum} 人同意。`,
            `${label.en} names ${named} approvers but requires ${node.quorum} approvals.`,
            node.id,
          ),
        );
      }
      if (node.cc && node.cc.length === 0) {
        issues.push(
          issue(
            'cc-without-people',
            `${label.zh} 的抄送人没有设置：请选择要抄送的人员或角色，或删除抄送。`,
            `${label.en}: nobody is copied; choose people or roles to copy, or remove the copy.`,
            node.id,
          ),
        );
      }
      issues.push(...deadlineIssues(node, node.deadline), ...formIssues(node.form ?? [], node));
      break;
    }
    case 'applicant-task':
      issues.push(...deadlineIssues(node, node.deadline), ...formIssues(node.form, node));
      break;
    case 'cc':
      if (node.recipients.length === 0)
        issues.push(
          issue(
            'cc-without-people',
            `${label.zh} 没有设置抄送人：请选择要抄送的人员或角色，或删除这一步。`,
            `${label.en}: nobody is copied; choose people or roles to copy, or remove the step.`,
            node.id,
          ),
        );
      break;
    case 'timer':
    case 'notice':
      if (tryParseDuration(node.duration) === undefined)
        issues.push(badDuration(node, 'duration', node.duration));
      break;
    case 'service':
      if (!opts.serviceActions.includes(node.action)) {
        issues.push(
          issue(
            'unknown-service-action',
            `${label.zh} 调用的服务 ${node.action} 不存在。`,
            `${label.en} calls the service action "${node.action}", which is not registered.`,
            node.id,
          ),
        );
      }
      if (node.compensation !== undefined && !opts.serviceActions.includes(node.compensation)) {
        issues.push(
          issue(
            'unknown-compensation-action',
            `${label.zh} 的撤销动作 ${node.compensation} 不存在。`,
            `${label.en} names the compensation action "${node.compensation}", which is not registered.`,
            node.id,
          ),
        );
      }
      break;
    case 'subprocess':
      if (opts.processKeys && !opts.processKeys.includes(node.processKey)) {
        issues.push(
          issue(
            'unknown-process',
            `${label.zh} 启动的子流程 ${node.processKey} 不存在或尚未发布。`,
            `${label.en} starts the sub-process "${node.processKey}", which does not exist or is not published.`,
            node.id,
          ),
        );
      }
      break;
    case 'exclusive':
      node.branches.forEach((branch, i) => {
        const problem = checkCondition(branch.condition);
        if (problem === undefined) return;
        issues.push(
          issue(
            'invalid-condition',
            `${label.zh} 第 ${i + 1} 个分支的条件无效：${problem}。`,
            `The condition of branch ${i + 1} of ${label.en} is invalid: ${problem}.`,
            node.id,
          ),
        );
      });
      break;
  }
  return issues;
}

function deadlineIssues(node: ProcessNode, deadline: Deadline | undefined): ValidationIssue[] {
  if (!deadline) return [];
  const due = tryParseDuration(deadline.due);
  if (due === undefined) return [badDuration(node, 'deadline.due', deadline.due)];
  if (deadline.remindBefore === undefined) return [];
  const remind = tryParseDuration(deadline.remindBefore);
  if (remind === undefined) return [badDuration(node, 'deadline.remindBefore', deadline.remindBefore)];
  if (remind < due) return [];
  const label = stepLabel(node);
  return [
    issue(
      'invalid-duration',
      `${label.zh} 的提前提醒时间（${deadline.remindBefore}）必须短于办理时限（${deadline.due}）。`,
      `${label.en}: the reminder (${deadline.remindBefore} before) must be shorter than the due time (${deadline.due}).`,
      node.id,
    ),
  ];
}

/** An invalid duration, worded with examples. */
export function badDuration(node: ProcessNode | undefined, field: string, value: unknown): ValidationIssue {
  const label = node ? stepLabel(node) : { zh: '流程定义', en: 'The definition' };
  return issue(
    'invalid-duration',
    `${label.zh} 的 ${field}（${JSON.stringify(value)}）不是有效时长，请写成数字加单位 s/m/h/d/y，例如 30s、15m、4h、7d、1y。`,
    `${label.en}: ${field} (${JSON.stringify(value)}) is not a duration; write a whole number and a unit s, m, h, d or y, e.g. 30s, 15m, 4h, 7d, 1y.`,
    node?.id,
  );
}

function formIssues(form: FormField[], node: ProcessNode | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const where = node ? stepLabel(node) : { zh: '申请表单', en: 'The start form' };
  const seen = new Set<string>();
  for (const field of form) {
    if (seen.has(field.key)) {
      issues.push(
        issue(
          'duplicate-field-key',
          `${where.zh} 中字段 ${field.key} 重复出现。`,
          `${where.en} has the field "${field.key}" more than once.`,
          node?.id,
        ),
      );
    }
    seen.add(field.key);
    if (field.multiple && field.type !== 'select' && field.type !== 'user') {
      issues.push(
        issue(
          'multiple-not-supported',
          `${where.zh} 中的字段「${field.label.zh}」(${field.key}) 不能多选：只有下拉和人员字段可以多选。`,
          `${where.en}: the field "${field.label.en ?? field.label.zh}" (${field.key}) cannot be multiple: only select and user fields can.`,
          node?.id,
        ),
      );
    }
    // A money bound must itself be an amount: whole fen that counts exactly (issue #11).
    const inexact = [field.min, field.max].filter((b) => typeof b === 'number' && !Number.isSafeInteger(b));
    if (field.type === 'money' && inexact.length > 0) {
      issues.push(
        issue(
          'invalid-bound',
          `${where.zh} 中的金额字段「${field.label.zh}」(${field.key}) 的上下限必须是不超过 2^53 的整数（分）。`,
          `${where.en}: the bounds of the money field "${field.label.en ?? field.label.zh}" (${field.key}) must be whole fen below 2^53.`,
          node?.id,
        ),
      );
    }
    if (field.type === 'select' && !field.options?.length && !field.optionsFrom) {
      issues.push(
        issue(
          'select-without-options',
          `${where.zh} 中的下拉字段「${field.label.zh}」(${field.key}) 没有选项。`,
          `${where.en}: the select field "${field.label.en ?? field.label.zh}" (${field.key}) has no options.`,
          node?.id,
        ),
      );
    }
  }
  return issues;
}
