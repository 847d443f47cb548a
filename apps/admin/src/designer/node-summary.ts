import {
  type AssigneeRule,
  CASE_STATUSES,
  describeDuration,
  type ProcessNode,
} from '@unionflow/process-model';
import type { TFunction } from 'i18next';
import { langOf, roleName, serviceName } from './vocabulary-names';

/** Header colours per kind, DingTalk-style: approvers orange, applicant tasks blue, others grey/green. */
export const KIND_COLORS: Record<string, string> = {
  approval: '#ad4e00',
  'applicant-task': '#0b57c2',
  cc: '#1f5f8b',
  notice: '#6b3fa0',
  timer: '#434343',
  service: '#1d6b08',
  subprocess: '#1d6b08',
  end: '#434343',
  exclusive: '#1d6b08',
  parallel: '#0b57c2',
  join: '#434343',
};

/** Who a rule designates, in words: role names, people, never a rule's code. */
export function ruleText(
  a: AssigneeRule | undefined,
  t: TFunction,
  language: string,
  nameOf: (username: string) => string = (u) => u,
): string {
  const lang = langOf(language);
  if (!a) return t('admin.assignee.unset');
  switch (a.kind) {
    case 'role':
      return a.role
        ? t('admin.assignee.role', { role: roleName(a.role, lang), scope: t(`admin.scopes.${a.scope}`) })
        : t('admin.assignee.unset');
    case 'user':
      return a.username
        ? t('admin.assignee.user', { username: nameOf(a.username) })
        : t('admin.assignee.unset');
    case 'users':
      return a.usernames?.length
        ? t('admin.assignee.users', {
            usernames: a.usernames.map(nameOf).join(lang === 'en' ? ', ' : '、'),
          })
        : t('admin.assignee.unset');
    case 'field':
      return t('admin.assignee.field', { field: a.field });
    default:
      return t(`admin.assignee.${a.kind}`);
  }
}

/** The people a 抄送 card copies, in words. */
export function ccText(
  cc: AssigneeRule[],
  t: TFunction,
  language: string,
  nameOf?: (username: string) => string,
): string {
  if (cc.length === 0) return t('admin.cc.unset');
  return cc.map((rule) => ruleText(rule, t, language, nameOf)).join(language === 'en' ? '; ' : '；');
}

/** One line saying who handles a step and how, for the step's card. */
export function nodeSummary(
  node: ProcessNode,
  t: TFunction,
  language: string,
  nameOf?: (username: string) => string,
): string {
  const lang = langOf(language);
  switch (node.kind) {
    case 'approval': {
      const parts = [ruleText(node.assignee, t, language, nameOf), t(`admin.modes.${node.mode}`)];
      if (node.deadline?.due)
        parts.push(`${t('admin.panel.due')} ${describeDuration(node.deadline.due, lang)}`);
      return parts.join(' · ');
    }
    case 'applicant-task':
      return [
        `${t('admin.panel.fields')} ${node.form?.length ?? 0}`,
        ...(node.deadline?.due
          ? [`${t('admin.panel.due')} ${describeDuration(node.deadline.due, lang)}`]
          : []),
      ].join(' · ');
    case 'cc':
      return ccText(node.recipients, t, language, nameOf);
    case 'timer':
    case 'notice':
      return `${t('admin.panel.duration')} ${describeDuration(node.duration, lang)}`;
    case 'service':
      return serviceName(node.action, langOf(language));
    case 'subprocess':
      return node.processKey;
    case 'end': {
      // The case's status this end gives (the engine's rule: rejected and withdrawn are their own).
      const status =
        node.outcome === 'rejected' ? 'rejected' : node.outcome === 'withdrawn' ? 'withdrawn' : 'completed';
      return t('admin.outcomeIs', { status: CASE_STATUSES[status][langOf(language)] });
    }
    default:
      return '';
  }
}
