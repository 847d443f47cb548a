import type { ProcessDefinition } from '@unionflow/process-model';

/** The department apps a new process may belong to (its cases show in that app's lists). */
export const NEW_PROCESS_DEPARTMENTS = ['innovation', 'assistance', 'rights', 'grassroots'] as const;

/**
 * A key for a new process. Keys name the process in URLs and in the API, so they are plain ASCII:
 * the English name made into a slug when there is one, else `process`, then a random suffix so two
 * admins creating "补助申请" at once never get the same key (the server still refuses a taken key).
 */
export function deriveProcessKey(nameEn: string | undefined, random: () => number = Math.random): string {
  const slug = (nameEn ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const suffix = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${slug || 'process'}-${suffix}`;
}

/**
 * The draft a new process starts from: an empty start form and one approval step whose approver
 * is still to be chosen (validation says so, in words), then an end that approves.
 */
export function blankDefinition(
  key: string,
  name: { zh: string; en?: string },
  department: string,
): ProcessDefinition {
  return {
    key,
    version: 1,
    name: name.en ? { zh: name.zh, en: name.en } : { zh: name.zh },
    department,
    form: [],
    start: 'review',
    nodes: [
      {
        id: 'review',
        kind: 'approval',
        name: { zh: '审批', en: 'Approval' },
        assignee: { kind: 'role', role: '', scope: 'nearest' },
        mode: 'single',
        emptyAssignee: 'admin-queue',
        deadline: { due: '3d', onOverdue: 'remind' },
        next: 'done',
      },
      { id: 'done', kind: 'end', name: { zh: '审批通过', en: 'Approved' }, outcome: 'approved' },
    ],
  } as ProcessDefinition;
}
