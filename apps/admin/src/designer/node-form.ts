import type {
  ApplicantIsApproverPolicy,
  AssigneeRule,
  Deadline,
  FormField,
  ProcessNode,
} from '@unionflow/process-model';

/** Form values of the step panel: the node, with conditions as editable JSON text. */
export type NodeFormValues = Record<string, unknown> & {
  branches?: { label?: { zh?: string; en?: string }; conditionText?: string; next?: string }[];
};

/** The panel's starting values for a node. */
export function toNodeForm(node: ProcessNode): NodeFormValues {
  if (node.kind === 'exclusive') {
    return {
      ...node,
      branches: node.branches.map((b) => ({ ...b, conditionText: JSON.stringify(b.condition) })),
    } as NodeFormValues;
  }
  if (node.kind === 'approval') {
    // The select shows the default (never self) as a choice of its own; the definition leaves it out.
    return {
      ...node,
      applicantIsApprover: node.applicantIsApprover ?? NEVER_SELF,
      ...ccToForm(node.cc),
    } as NodeFormValues;
  }
  if (node.kind === 'cc') return { ...node, ...ccToForm(node.recipients) } as NodeFormValues;
  return { ...node } as NodeFormValues;
}

/** The panel's value for "never self", the default a definition leaves unset (ADR 011). */
export const NEVER_SELF = 'never';

function applicantPolicyFrom(raw: unknown): ApplicantIsApproverPolicy | undefined {
  return raw && raw !== NEVER_SELF ? (raw as ApplicantIsApproverPolicy) : undefined;
}

/** The panel edits 抄送 as people and roles; rules of other kinds are kept as they are. */
function ccToForm(cc: AssigneeRule[] | undefined): { ccUsers: string[]; ccRoles: string[] } {
  const rules = cc ?? [];
  return {
    ccUsers: rules.flatMap((r) => (r.kind === 'users' ? r.usernames : r.kind === 'user' ? [r.username] : [])),
    ccRoles: rules.flatMap((r) => (r.kind === 'role' ? [r.role] : [])),
  };
}

/**
 * The step's 抄送 rules from the panel. A step that had a cc list keeps one even when emptied (its
 * 抄送 card stays, and validation asks for people); a step without one gets none until people are named.
 */
function ccFrom(values: NodeFormValues, before: AssigneeRule[] | undefined): AssigneeRule[] | undefined {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String).filter(Boolean) : []);
  const users = [...new Set(list(values.ccUsers))];
  const roles = [...new Set(list(values.ccRoles))];
  const others = (before ?? []).filter((r) => r.kind !== 'role' && r.kind !== 'users' && r.kind !== 'user');
  const rules: AssigneeRule[] = [
    ...roles.map((role) => ({ kind: 'role' as const, role, scope: 'nearest' as const })),
    ...(users.length ? [{ kind: 'users' as const, usernames: users }] : []),
    ...others,
  ];
  return rules.length > 0 || before !== undefined ? rules : undefined;
}

function assigneeFrom(raw: Partial<Record<string, unknown>> | undefined): AssigneeRule {
  const kind = String(raw?.kind ?? 'role');
  switch (kind) {
    case 'user':
      return { kind: 'user', username: String(raw?.username ?? '').trim() };
    case 'users': {
      const names = Array.isArray(raw?.usernames) ? raw.usernames : [];
      return { kind: 'users', usernames: [...new Set(names.map((n) => String(n).trim()).filter(Boolean))] };
    }
    case 'paired-cadre':
      return { kind: 'paired-cadre' };
    case 'superior-of-previous':
      return { kind: 'superior-of-previous' };
    case 'field':
      return { kind: 'field', field: String(raw?.field ?? '').trim() };
    default:
      return {
        kind: 'role',
        role: String(raw?.role ?? '').trim(),
        scope: (raw?.scope as 'nearest') ?? 'nearest',
      };
  }
}

function deadlineFrom(raw: Partial<Deadline> | undefined): Deadline | undefined {
  const due = String(raw?.due ?? '').trim();
  if (!due) return undefined;
  const remindBefore = String(raw?.remindBefore ?? '').trim();
  return {
    due,
    ...(remindBefore ? { remindBefore } : {}),
    ...(raw?.onOverdue ? { onOverdue: raw.onOverdue } : {}),
  };
}

function publicFieldsFrom(raw: unknown, before: string[] | undefined): string[] | undefined {
  if (raw === undefined) return before;
  const keys = Array.isArray(raw) ? raw.map(String).filter(Boolean) : [];
  return keys.length > 0 ? keys : undefined;
}

function fieldsFrom(raw: unknown): FormField[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((f) => f && typeof f === 'object')
    .map((f: Partial<FormField>) => ({
      ...f,
      key: String(f.key ?? ''),
      label: { zh: String(f.label?.zh ?? ''), ...(f.label?.en ? { en: f.label.en } : {}) },
      type: f.type ?? 'text',
      ...(f.required ? { required: true } : { required: undefined }),
      // A hint left empty goes, so the form shows no blank line under the input.
      hint: f.hint?.zh?.trim()
        ? { zh: f.hint.zh.trim(), ...(f.hint.en?.trim() ? { en: f.hint.en.trim() } : {}) }
        : undefined,
      // Only select and user fields take lists; a switched-off or hidden toggle leaves no trace.
      ...(f.multiple && (f.type === 'select' || f.type === 'user')
        ? { multiple: true }
        : { multiple: undefined }),
    }))
    .map((f) => JSON.parse(JSON.stringify(f)) as FormField);
}

/**
 * The node the panel's values describe. A condition that is not valid JSON keeps its previous value
 * (the panel shows the error next to the field).
 */
export function fromNodeForm(before: ProcessNode, values: NodeFormValues): ProcessNode {
  const name = values.name as { zh?: string; en?: string } | undefined;
  const base = {
    ...before,
    name: { zh: String(name?.zh ?? ''), ...(name?.en ? { en: String(name.en) } : {}) },
  };
  switch (before.kind) {
    case 'approval': {
      const onReject = String(values.onReject ?? '');
      const node = {
        ...base,
        kind: 'approval' as const,
        assignee: assigneeFrom(values.assignee as Record<string, unknown>),
        mode: (values.mode as typeof before.mode) ?? before.mode,
        quorum: values.mode === 'quorum' ? Number(values.quorum ?? 1) : undefined,
        emptyAssignee: (values.emptyAssignee as typeof before.emptyAssignee) ?? before.emptyAssignee,
        applicantIsApprover: applicantPolicyFrom(values.applicantIsApprover),
        deadline: deadlineFrom(values.deadline as Deadline),
        form: fieldsFrom(values.form),
        cc: ccFrom(values, before.cc),
        onReject: onReject || undefined,
      };
      if (!node.form.length) delete (node as { form?: unknown }).form;
      return JSON.parse(JSON.stringify(node)) as ProcessNode;
    }
    case 'applicant-task':
      return JSON.parse(
        JSON.stringify({
          ...base,
          form: fieldsFrom(values.form),
          deadline: deadlineFrom(values.deadline as Deadline),
        }),
      ) as ProcessNode;
    case 'cc':
      return { ...base, kind: 'cc', recipients: ccFrom(values, before.recipients) ?? [] } as ProcessNode;
    case 'timer':
      return { ...base, kind: 'timer', duration: String(values.duration ?? before.duration) } as ProcessNode;
    case 'notice': {
      const node = {
        ...base,
        kind: 'notice' as const,
        duration: String(values.duration ?? before.duration),
        onObjection: String(values.onObjection ?? before.onObjection),
        // Cleared to none, the key goes: the board then shows the name, unit and end date only (ADR 019).
        publicFields: publicFieldsFrom(values.publicFields, before.publicFields),
      };
      if (!node.publicFields) delete node.publicFields;
      return node as ProcessNode;
    }
    case 'end':
      return { ...base, kind: 'end', outcome: String(values.outcome ?? before.outcome) } as ProcessNode;
    case 'service':
      return { ...base, kind: 'service', action: String(values.action ?? before.action) } as ProcessNode;
    case 'exclusive': {
      const rows = values.branches ?? [];
      return {
        ...base,
        kind: 'exclusive',
        branches: before.branches.map((b, i) => {
          const row = rows[i];
          let condition = b.condition;
          try {
            if (row?.conditionText !== undefined) condition = JSON.parse(row.conditionText);
          } catch {
            // keep the last valid condition
          }
          const label = row?.label?.zh
            ? { zh: row.label.zh, ...(row.label.en ? { en: row.label.en } : {}) }
            : b.label;
          return { ...b, condition, ...(label ? { label } : {}) };
        }),
      } as ProcessNode;
    }
    default:
      return base as ProcessNode;
  }
}
