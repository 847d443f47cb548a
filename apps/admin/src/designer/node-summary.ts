import type { ProcessNode } from '@unionflow/process-model';
import type { TFunction } from 'i18next';

/** Header colours per kind, DingTalk-style: approvers orange, applicant tasks blue, others grey/green. */
export const KIND_COLORS: Record<string, string> = {
  approval: '#ad4e00',
  'applicant-task': '#0b57c2',
  notice: '#6b3fa0',
  timer: '#434343',
  service: '#1d6b08',
  subprocess: '#1d6b08',
  end: '#434343',
  exclusive: '#1d6b08',
  parallel: '#0b57c2',
  join: '#434343',
};

/** One line saying who handles a step and how, for the step's card. */
export function nodeSummary(node: ProcessNode, t: TFunction): string {
  switch (node.kind) {
    case 'approval': {
      const a = node.assignee;
      let who: string;
      if (!a) who = t('admin.assignee.unset');
      else if (a.kind === 'role')
        who = a.role
          ? t('admin.assignee.role', { role: a.role, scope: t(`admin.scopes.${a.scope}`) })
          : t('admin.assignee.unset');
      else if (a.kind === 'user')
        who = a.username ? t('admin.assignee.user', { username: a.username }) : t('admin.assignee.unset');
      else if (a.kind === 'field') who = t('admin.assignee.field', { field: a.field });
      else who = t(`admin.assignee.${a.kind}`);
      const parts = [who, t(`admin.modes.${node.mode}`)];
      if (node.deadline?.due) parts.push(`${t('admin.panel.due')} ${node.deadline.due}`);
      return parts.join(' · ');
    }
    case 'applicant-task':
      return [
        `${t('admin.panel.fields')} ${node.form?.length ?? 0}`,
        ...(node.deadline?.due ? [`${t('admin.panel.due')} ${node.deadline.due}`] : []),
      ].join(' · ');
    case 'timer':
    case 'notice':
      return `${t('admin.panel.duration')} ${node.duration}`;
    case 'service':
      return node.action;
    case 'subprocess':
      return node.processKey;
    case 'end':
      return `${t('admin.panel.outcome')}: ${node.outcome}`;
    default:
      return '';
  }
}
