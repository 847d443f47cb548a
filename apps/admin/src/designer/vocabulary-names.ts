import { BUILT_IN_ROLES, roleName, SERVICE_ACTIONS } from '@unionflow/domain/names';
import type { AssigneeRule, ProcessDefinition } from '@unionflow/process-model';

type Lang = 'zh' | 'en';

/** The UI language as the vocabularies spell it. */
export const langOf = (language: string | undefined): Lang => (language === 'en' ? 'en' : 'zh');

export { roleName };

/** A service action's name ("确定奖励档次"); an unregistered one reads as its code, which validation flags. */
export function serviceName(action: string, lang: Lang): string {
  return SERVICE_ACTIONS[action as keyof typeof SERVICE_ACTIONS]?.[lang] ?? action;
}

/** Every service a step may call, by name. */
export function serviceOptions(lang: Lang): { value: string; label: string }[] {
  return Object.entries(SERVICE_ACTIONS)
    .filter(([name]) => name !== 'noop')
    .map(([value, spec]) => ({ value, label: spec[lang] }));
}

function rolesIn(rules: (AssigneeRule | undefined)[]): string[] {
  return rules.flatMap((r) => (r?.kind === 'role' && r.role ? [r.role] : []));
}

/**
 * The role picker: every role the platform declares, then any other role this definition already
 * uses (kept selectable, shown by its key since nothing names it).
 */
export function roleOptions(def: ProcessDefinition, lang: Lang): { value: string; label: string }[] {
  const declared = BUILT_IN_ROLES.filter((r) => r.key !== 'member').map((r) => r.key);
  const used = (def.nodes ?? []).flatMap((n) =>
    n.kind === 'approval' ? rolesIn([n.assignee, ...(n.cc ?? [])]) : [],
  );
  return [...new Set([...declared, ...used])].map((key) => ({ value: key, label: roleName(key, lang) }));
}
