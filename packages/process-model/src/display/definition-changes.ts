import { APPROVAL_MODES, EMPTY_ASSIGNEE_POLICIES, FIELD_PERMISSIONS, NODE_KINDS } from '../catalog';
import { describeDuration } from '../duration';
import type {
  AssigneeRule,
  Deadline,
  FieldPermission,
  FormField,
  OrgScope,
  ProcessDefinition,
  ProcessNode,
  Text,
} from '../types';
import type { DisplayLanguage } from './money-text';

/**
 * How two versions of a definition differ, in sentences an admin reads ("新增步骤「市总工会会签」",
 * "「基层评审」的审批人由 … 改为 …"): steps by name, roles and people by their names, never ids or
 * property paths. Pure, so the admin app and the gateway can share it.
 */

/** How codes a definition refers to are named; anything unknown is shown as its code. */
export interface ChangeNames {
  /** A role code → its label (基层工会创新评审). */
  role?: (code: string) => string;
  /** A username → the person's name. */
  user?: (username: string) => string;
}

const ORG_SCOPES: Record<OrgScope, { zh: string; en: string }> = {
  'applicant-org': { zh: '申请人所在单位', en: "the applicant's unit" },
  'parent-org': { zh: '上一级单位', en: 'the unit above' },
  nearest: { zh: '就近单位', en: 'the nearest unit' },
  root: { zh: '总工会', en: 'the federation' },
};

const APPLICANT_POLICIES: Record<string, { zh: string; en: string }> = {
  skip: { zh: '自动跳过', en: 'skipped' },
  superior: { zh: '由上级审批', en: 'the superior decides' },
  'department-head': { zh: '由上一级同角色审批', en: 'the role one level up decides' },
  self: { zh: '允许本人审批', en: 'may decide themselves' },
};

type Words = { zh: string; en: string };

/** Key-order-independent JSON, so reordered properties do not count as a change. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Chinese puts spaces around a plain value but not around a 「quoted」 name. */
const spaced = (value: string) => (value.startsWith('「') ? value : ` ${value} `);

const same = (a: unknown, b: unknown) => stable(a) === stable(b);

function textIn(text: Text | undefined, lang: DisplayLanguage, fallback: string): string {
  if (!text) return fallback;
  return lang === 'en' ? (text.en ?? text.zh) : text.zh;
}

/** Builds the sentences of one language. */
class Describer {
  constructor(
    private readonly lang: DisplayLanguage,
    private readonly names: ChangeNames,
    private readonly before: ProcessDefinition,
    private readonly after: ProcessDefinition,
  ) {}

  private pick(words: Words): string {
    return this.lang === 'en' ? words.en : words.zh;
  }

  /** A step's name, looked up in whichever version has it. */
  step(id: string | undefined): string {
    if (!id) return this.pick({ zh: '（无）', en: '(none)' });
    const node = nodesOf(this.after).get(id) ?? nodesOf(this.before).get(id);
    const name = textIn(node?.name, this.lang, id);
    return this.lang === 'en' ? `"${name}"` : `「${name}」`;
  }

  field(def: ProcessDefinition, key: string, form?: FormField[]): string {
    const f = (form ?? def.form).find((x) => x.key === key) ?? def.form.find((x) => x.key === key);
    const name = textIn(f?.label, this.lang, key);
    return this.lang === 'en' ? `"${name}"` : `「${name}」`;
  }

  assignee(rule: AssigneeRule | undefined, def: ProcessDefinition): string {
    if (!rule) return this.pick({ zh: '（无）', en: '(none)' });
    switch (rule.kind) {
      case 'role': {
        const role = this.names.role?.(rule.role) ?? rule.role;
        const scope = this.pick(ORG_SCOPES[rule.scope] ?? { zh: rule.scope, en: rule.scope });
        return this.lang === 'en' ? `${role} of ${scope}` : `${scope}的${role}`;
      }
      case 'user':
        return this.names.user?.(rule.username) ?? rule.username;
      case 'users':
        return rule.usernames.map((u) => this.names.user?.(u) ?? u).join(this.lang === 'en' ? ', ' : '、');
      case 'paired-cadre':
        return this.pick({ zh: '申请人的联系干部', en: "the applicant's paired cadre" });
      case 'superior-of-previous':
        return this.pick({ zh: '上一步审批人的上级', en: "the previous approver's superior" });
      case 'field':
        return this.lang === 'en'
          ? `the people in field ${this.field(def, rule.field)}`
          : `申请表${this.field(def, rule.field)}中的人员`;
    }
  }

  people(rules: AssigneeRule[] | undefined, def: ProcessDefinition): string {
    if (!rules?.length) return this.pick({ zh: '无', en: 'nobody' });
    return rules.map((r) => this.assignee(r, def)).join(this.lang === 'en' ? ', ' : '、');
  }

  /** 字段权限 in words: each field not read-only with its permission, "「奖励金额」可编辑". */
  permissions(p: Record<string, FieldPermission> | undefined, def: ProcessDefinition): string {
    const entries = Object.entries(p ?? {}).filter(([, v]) => v !== 'read');
    if (entries.length === 0) return this.pick({ zh: '全部只读', en: 'all read-only' });
    const forms = def.nodes.flatMap((n) => ('form' in n && Array.isArray(n.form) ? n.form : []));
    return entries
      .map(([key, v]) => {
        const field = this.field(def, key, [...def.form, ...forms]);
        const word = FIELD_PERMISSIONS[v] ? this.pick(FIELD_PERMISSIONS[v]) : v;
        return this.lang === 'en' ? `${field} ${word.toLowerCase()}` : `${field}${word}`;
      })
      .join(this.lang === 'en' ? ', ' : '、');
  }

  deadline(d: Deadline | undefined): string {
    if (!d) return this.pick({ zh: '不限期', en: 'no deadline' });
    return describeDuration(d.due, this.lang);
  }

  changed(subject: string, what: Words, from: string, to: string): string {
    return this.lang === 'en'
      ? `${what.en} of ${subject} changed from ${from} to ${to}`
      : `${subject}的${what.zh}由${spaced(from)}改为${spaced(to)}`.trimEnd();
  }

  fieldChanges(subject: string, before: FormField[] = [], after: FormField[] = []): string[] {
    const old = new Map(before.map((f) => [f.key, f]));
    const now = new Map(after.map((f) => [f.key, f]));
    const label = (f: FormField) => {
      const name = textIn(f.label, this.lang, f.key);
      return this.lang === 'en' ? `"${name}"` : `「${name}」`;
    };
    const lines: string[] = [];
    for (const f of after) {
      const prev = old.get(f.key);
      if (!prev) {
        lines.push(
          this.lang === 'en' ? `${subject}: added field ${label(f)}` : `${subject}新增填写项${label(f)}`,
        );
      } else if (!same(prev, f)) {
        lines.push(
          this.lang === 'en'
            ? `${subject}: changed field ${label(f)}`
            : `${subject}的填写项${label(f)}有修改`,
        );
      }
    }
    for (const f of before) {
      if (!now.has(f.key)) {
        lines.push(
          this.lang === 'en' ? `${subject}: removed field ${label(f)}` : `${subject}删除填写项${label(f)}`,
        );
      }
    }
    return lines;
  }

  /** The sentences for a step present in both versions. */
  node(before: ProcessNode, after: ProcessNode): string[] {
    const lines: string[] = [];
    const subject = this.step(after.id);
    const b = before as unknown as Record<string, unknown>;
    const a = after as unknown as Record<string, unknown>;
    const handled = new Set(['id', 'name']);
    if (!same(before.name, after.name)) {
      const from = textIn(before.name, this.lang, before.id);
      const to = textIn(after.name, this.lang, after.id);
      lines.push(this.lang === 'en' ? `Step "${from}" renamed to "${to}"` : `步骤「${from}」改名为「${to}」`);
    }
    if (before.kind !== after.kind) {
      lines.push(
        this.changed(
          subject,
          { zh: '类型', en: 'The kind' },
          this.pick(NODE_KINDS[before.kind]),
          this.pick(NODE_KINDS[after.kind]),
        ),
      );
      return lines;
    }
    handled.add('kind');
    const compare = (
      key: string,
      what: Words,
      show: (node: Record<string, unknown>, def: ProcessDefinition) => string,
    ) => {
      handled.add(key);
      if (same(b[key], a[key])) return;
      lines.push(this.changed(subject, what, show(b, this.before), show(a, this.after)));
    };
    compare('assignee', { zh: '审批人', en: 'The approver' }, (n, def) =>
      this.assignee(n.assignee as AssigneeRule, def),
    );
    compare('mode', { zh: '审批方式', en: 'The way of approving' }, (n) => {
      const mode = APPROVAL_MODES[n.mode as keyof typeof APPROVAL_MODES];
      return mode ? this.pick(mode) : String(n.mode ?? '—');
    });
    compare('quorum', { zh: '通过人数', en: 'The approvals needed' }, (n) => String(n.quorum ?? '—'));
    compare('emptyAssignee', { zh: '无人审批时的处理', en: 'What happens when nobody can approve' }, (n) => {
      const p = EMPTY_ASSIGNEE_POLICIES[n.emptyAssignee as keyof typeof EMPTY_ASSIGNEE_POLICIES];
      return p ? this.pick(p) : this.pick({ zh: '默认', en: 'the default' });
    });
    compare(
      'applicantIsApprover',
      { zh: '申请人即审批人时的处理', en: 'What happens when the applicant is an approver' },
      (n) => {
        const p = APPLICANT_POLICIES[n.applicantIsApprover as string];
        return p ? this.pick(p) : this.pick({ zh: '移除申请人', en: 'the applicant is left out' });
      },
    );
    compare('cc', { zh: '抄送人', en: 'The people copied' }, (n, def) =>
      this.people(n.cc as AssigneeRule[], def),
    );
    compare('recipients', { zh: '抄送人', en: 'The people copied' }, (n, def) =>
      this.people(n.recipients as AssigneeRule[], def),
    );
    compare('fieldPermissions', { zh: '字段权限', en: 'The field permissions' }, (n, def) =>
      this.permissions(n.fieldPermissions as Record<string, FieldPermission> | undefined, def),
    );
    compare('deadline', { zh: '办理期限', en: 'The deadline' }, (n) => this.deadline(n.deadline as Deadline));
    compare('duration', { zh: '时长', en: 'The duration' }, (n) =>
      typeof n.duration === 'string' ? describeDuration(n.duration, this.lang) : '—',
    );
    compare('next', { zh: '下一步', en: 'The next step' }, (n) => this.step(n.next as string));
    compare('onReject', { zh: '驳回后的去向', en: 'Where a rejection leads' }, (n) =>
      n.onReject
        ? this.step(n.onReject as string)
        : this.pick({ zh: '结束（不通过）', en: 'the end (rejected)' }),
    );
    compare('default', { zh: '默认分支', en: 'The default branch' }, (n) => this.step(n.default as string));
    compare('processKey', { zh: '子流程', en: 'The sub-process' }, (n) => String(n.processKey ?? '—'));
    handled.add('form');
    lines.push(...this.fieldChanges(subject, b.form as FormField[], a.form as FormField[]));
    const rest = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
      (k) => !handled.has(k) && !same(a[k], b[k]),
    );
    if (rest.length) {
      lines.push(this.lang === 'en' ? `Other settings of ${subject} changed` : `${subject}的其他设置有修改`);
    }
    return lines;
  }
}

function nodesOf(def: ProcessDefinition): Map<string, ProcessNode> {
  return new Map((Array.isArray(def.nodes) ? def.nodes : []).map((n) => [n.id, n]));
}

/**
 * The changes from `before` to `after` as sentences in one language, in the order: process
 * properties, steps added, steps removed, steps changed (in `after`'s order). Empty when only the
 * version number differs.
 */
export function describeDefinitionChanges(
  before: ProcessDefinition,
  after: ProcessDefinition,
  lang: DisplayLanguage = 'zh',
  names: ChangeNames = {},
): string[] {
  const d = new Describer(lang, names, before, after);
  const en = lang === 'en';
  const lines: string[] = [];
  const processName = (def: ProcessDefinition) => textIn(def.name, lang, def.key);
  if (!same(before.name, after.name)) {
    lines.push(
      en
        ? `The process was renamed from "${processName(before)}" to "${processName(after)}"`
        : `流程名称由「${processName(before)}」改为「${processName(after)}」`,
    );
  }
  if (!same(before.starterRoles ?? [], after.starterRoles ?? [])) {
    const roles = (def: ProcessDefinition) =>
      def.starterRoles?.length
        ? def.starterRoles.map((r) => names.role?.(r) ?? r).join(en ? ', ' : '、')
        : en
          ? 'any member'
          : '所有会员';
    lines.push(
      en
        ? `Who may apply changed from ${roles(before)} to ${roles(after)}`
        : `可发起人由 ${roles(before)} 改为 ${roles(after)}`,
    );
  }
  if (!same(before.start, after.start)) {
    lines.push(
      en
        ? `The first step changed from ${d.step(before.start)} to ${d.step(after.start)}`
        : `第一步由${d.step(before.start)}改为${d.step(after.start)}`,
    );
  }
  lines.push(...d.fieldChanges(en ? 'The application form' : '申请表', before.form, after.form));
  const known = new Set(['key', 'version', 'name', 'starterRoles', 'start', 'form', 'nodes']);
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const otherProps = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => !known.has(k) && !same(a[k], b[k]),
  );
  if (otherProps.length) lines.push(en ? 'Other process settings changed' : '流程的其他设置有修改');

  const old = nodesOf(before);
  const now = nodesOf(after);
  const kindOf = (n: ProcessNode) => (en ? NODE_KINDS[n.kind].en : NODE_KINDS[n.kind].zh);
  for (const n of now.values()) {
    if (!old.has(n.id)) {
      lines.push(
        en ? `Added step ${d.step(n.id)} (${kindOf(n)})` : `新增步骤${d.step(n.id)}（${kindOf(n)}）`,
      );
    }
  }
  for (const n of old.values()) {
    if (!now.has(n.id)) {
      lines.push(
        en ? `Removed step ${d.step(n.id)} (${kindOf(n)})` : `删除步骤${d.step(n.id)}（${kindOf(n)}）`,
      );
    }
  }
  for (const n of now.values()) {
    const prev = old.get(n.id);
    if (prev && !same(prev, n)) lines.push(...d.node(prev, n));
  }
  return lines;
}
