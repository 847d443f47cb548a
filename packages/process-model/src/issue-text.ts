import { issue, stepLabel, type ValidationIssue } from './issues';
import type { AssigneeRule, FormField, ProcessDefinition, ProcessNode } from './types';

/** Kinds drawn as blocks around other steps rather than as a step card of their own; they get no number. */
const UNNUMBERED = new Set(['exclusive', 'parallel', 'join']);

type LooseNode = Partial<ProcessNode> & { id: string; kind?: unknown; name?: { zh?: unknown; en?: unknown } };

function looseNodes(def: unknown): LooseNode[] {
  const nodes = (def as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return [];
  return nodes.filter(
    (n): n is LooseNode => !!n && typeof n === 'object' && typeof (n as { id?: unknown }).id === 'string',
  );
}

/** Where a node leads: next, branch and default targets, a split's branches, then a join. */
function targets(node: LooseNode): string[] {
  const raw = node as Record<string, unknown>;
  const out: unknown[] = [];
  if (Array.isArray(raw.branches))
    for (const b of raw.branches) out.push(typeof b === 'string' ? b : (b as { next?: unknown })?.next);
  out.push(raw.default, raw.join, raw.next);
  return out.filter((t): t is string => typeof t === 'string');
}

/**
 * The number each step card carries in the designer, in reading order: breadth-first from the start
 * (a branch block's steps before what follows it, level by level), then steps the start cannot reach
 * in document order. Gateways, splits and joins are drawn as blocks, not cards, so they get none.
 */
export function stepNumbers(def: unknown): Map<string, number> {
  const nodes = looseNodes(def);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const start = (def as { start?: unknown } | null)?.start;
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = typeof start === 'string' ? [start] : [];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const node = byId.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    queue.push(...targets(node));
  }
  for (const n of nodes) if (!seen.has(n.id)) order.push(n.id);
  const numbers = new Map<string, number>();
  for (const id of order) {
    if (UNNUMBERED.has(String(byId.get(id)?.kind))) continue;
    numbers.set(id, numbers.size + 1);
  }
  return numbers;
}

/** A step as the designer names it: `第 3 步「市总工会会签」` / `Step 3 "City countersign"`. */
export function numberedStepLabel(
  node: { name?: { zh?: unknown; en?: unknown } },
  number: number | undefined,
): { zh: string; en: string } {
  const zh = typeof node.name?.zh === 'string' ? node.name.zh : '';
  const en = typeof node.name?.en === 'string' && node.name.en ? node.name.en : zh;
  const quotedZh = zh ? `「${zh}」` : '';
  const quotedEn = en ? ` "${en}"` : '';
  if (number === undefined) return { zh: quotedZh || '该步骤', en: quotedEn.trim() || 'This step' };
  return { zh: `第 ${number} 步${quotedZh}`, en: `Step ${number}${quotedEn}` };
}

function fieldsOf(def: unknown, nodes: LooseNode[]): FormField[] {
  const top = (def as { form?: unknown } | null)?.form;
  const lists = [top, ...nodes.map((n) => (n as { form?: unknown }).form)];
  return lists.flatMap((l) =>
    Array.isArray(l)
      ? l.filter(
          (f): f is FormField =>
            !!f && typeof f === 'object' && typeof f.key === 'string' && typeof f.label?.zh === 'string',
        )
      : [],
  );
}

function replaceAll(text: string, from: string, to: string): string {
  return from ? text.split(from).join(to) : text;
}

/**
 * The validators' issues worded for the admin at the designer: every step named by the number its
 * card shows and its name instead of `步骤「名称」(id)`, fields by their labels without their keys.
 * Codes, node ids and paths stay on the issue (the designer selects the step by them); only the
 * words change.
 */
export function readableIssues(def: unknown, issues: ValidationIssue[]): ValidationIssue[] {
  if (issues.length === 0) return issues;
  const nodes = looseNodes(def);
  const numbers = stepNumbers(def);
  const steps = nodes
    .filter((n) => typeof n.name?.zh === 'string')
    .map((n) => ({ from: stepLabel(n as ProcessNode), to: numberedStepLabel(n, numbers.get(n.id)) }))
    // Longer labels first, so a step named like the start of another is not replaced inside it.
    .sort((a, b) => b.from.zh.length - a.from.zh.length);
  const fields = fieldsOf(def, nodes).map((f) => ({
    zh: [`「${f.label.zh}」(${f.key})`, `「${f.label.zh}」`],
    en: [`"${f.label.en ?? f.label.zh}" (${f.key})`, `"${f.label.en ?? f.label.zh}"`],
  }));
  return issues.map((issue) => {
    let { zh, en } = issue.message;
    for (const s of steps) {
      // Chinese runs on without the space that followed the id.
      zh = replaceAll(replaceAll(zh, `${s.from.zh} `, s.to.zh), s.from.zh, s.to.zh);
      en = replaceAll(en, s.from.en, s.to.en);
    }
    for (const f of fields) {
      zh = replaceAll(zh, `${f.zh[0]} `, f.zh[1] as string);
      zh = replaceAll(zh, f.zh[0] as string, f.zh[1] as string);
      en = replaceAll(en, f.en[0] as string, f.en[1] as string);
    }
    return { ...issue, message: { zh, en } };
  });
}

/** The usernames each approval or 抄送 step names as approvers or as people copied, by step id. */
export function namedUsernames(def: ProcessDefinition): { nodeId: string; usernames: string[] }[] {
  const of = (rule: AssigneeRule): string[] =>
    rule.kind === 'user' ? [rule.username] : rule.kind === 'users' ? rule.usernames : [];
  return def.nodes.flatMap((node) => {
    const rules =
      node.kind === 'approval'
        ? [node.assignee, ...(node.cc ?? [])]
        : node.kind === 'cc'
          ? node.recipients
          : [];
    const usernames = [...new Set(rules.flatMap(of))];
    return usernames.length > 0 ? [{ nodeId: node.id, usernames }] : [];
  });
}

/**
 * Named people this server does not know (or has disabled), as issues on their steps: a step that
 * names nobody real would fall to its empty-approver policy on every case.
 */
export function unknownPeopleIssues(def: ProcessDefinition, known: Set<string>): ValidationIssue[] {
  const numbers = stepNumbers(def);
  return namedUsernames(def).flatMap(({ nodeId, usernames }) => {
    const missing = usernames.filter((u) => !known.has(u));
    if (missing.length === 0) return [];
    const node = def.nodes.find((n) => n.id === nodeId) as ProcessNode;
    const label = numberedStepLabel(node, numbers.get(nodeId));
    return [
      issue(
        'unknown-user',
        `${label.zh}指定的人员 ${missing.join('、')} 不存在或已停用。`,
        `${label.en} names people who do not exist or are disabled: ${missing.join(', ')}.`,
        nodeId,
      ),
    ];
  });
}
