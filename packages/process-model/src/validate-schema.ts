import { Value } from 'typebox/value';
import { NODE_KINDS } from './catalog';
import { issue, stepLabel, type ValidationIssue } from './issues';
import { DefinitionShellSchema, NodeSchemas } from './schema';
import { settingName } from './setting-names';
import type { ProcessNode } from './types';

type SchemaError = {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: unknown;
  message: string;
};

const KINDS = Object.keys(NodeSchemas) as (keyof typeof NodeSchemas)[];

/** Shape errors of a whole definition, each node checked against the schema of its own kind. */
export function schemaIssues(def: unknown): ValidationIssue[] {
  if (!def || typeof def !== 'object' || Array.isArray(def)) {
    return [issue('schema', '流程定义必须是一个 JSON 对象。', 'A process definition must be a JSON object.')];
  }
  const issues = readable(Value.Errors(DefinitionShellSchema, def) as SchemaError[]).map((e) =>
    fromError(e, undefined),
  );
  const nodes = (def as { nodes?: unknown }).nodes;
  if (!Array.isArray(nodes)) return issues;
  nodes.forEach((node, index) => {
    issues.push(...nodeIssues(node, `/nodes/${index}`, index));
  });
  return issues;
}

function nodeIssues(node: unknown, path: string, index: number): ValidationIssue[] {
  if (!node || typeof node !== 'object') {
    return [
      issue(
        'schema',
        `步骤列表中的第 ${index + 1} 项不是一个步骤。`,
        `Item ${index + 1} of the step list is not a step.`,
        undefined,
        path,
      ),
    ];
  }
  const candidate = node as Partial<ProcessNode> & { kind?: unknown };
  const nodeId = typeof candidate.id === 'string' ? candidate.id : undefined;
  const named = typeof candidate.name?.zh === 'string' && nodeId !== undefined;
  const label = named
    ? stepLabel(candidate as ProcessNode)
    : { zh: `步骤列表中的第 ${index + 1} 项`, en: `Item ${index + 1} of the step list` };
  const kind = KINDS.find((k) => k === candidate.kind);
  if (kind === undefined) {
    return [
      issue(
        'unknown-node-kind',
        `${label.zh} 的步骤类型无效，可用类型：${KINDS.map((k) => NODE_KINDS[k].zh).join('、')}。`,
        `${label.en} is not a kind of step; use one of ${KINDS.map((k) => NODE_KINDS[k].en).join(', ')}.`,
        nodeId,
        `${path}/kind`,
      ),
    ];
  }
  const issues: ValidationIssue[] = [];
  let errors = readable(Value.Errors(NodeSchemas[kind], node) as SchemaError[]);
  if (kind === 'exclusive' && isMissing(candidate, 'default')) {
    errors = withoutRequired(errors, 'default');
    issues.push(
      issue(
        'exclusive-without-default',
        `${label.zh} 没有默认分支：请指定所有条件都不满足时走向哪一步。`,
        `${label.en} has no default branch: say where the case goes when no condition holds.`,
        nodeId,
        `${path}/default`,
      ),
    );
  }
  if (kind === 'approval' && isMissing(candidate, 'assignee')) {
    errors = withoutRequired(errors, 'assignee');
    issues.push(
      issue(
        'approval-without-assignee',
        `${label.zh} 没有设置审批人。`,
        `${label.en} has no approver set.`,
        nodeId,
        `${path}/assignee`,
      ),
    );
  }
  for (const error of errors)
    issues.push(fromError({ ...error, instancePath: path + error.instancePath }, label, nodeId));
  // An empty approver shows once, not again as the union's "none of the rules fit".
  const empty = issues.some((i) => i.code === 'approval-without-assignee');
  const assignee = `${path}/assignee`;
  return unique(
    empty
      ? issues.filter((i) => i.code === 'approval-without-assignee' || !i.path?.startsWith(assignee))
      : issues,
  );
}

function unique(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.nodeId}|${i.code}|${i.message.zh}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Removes one property from the node's "required" error, since a dedicated issue reports it. */
function withoutRequired(errors: SchemaError[], key: string): SchemaError[] {
  return errors.flatMap((e) => {
    if (e.keyword !== 'required' || e.instancePath !== '') return [e];
    const rest = ((e.params as { requiredProperties?: string[] }).requiredProperties ?? []).filter(
      (k) => k !== key,
    );
    if (rest.length === 0) return [];
    return [
      {
        ...e,
        params: { requiredProperties: rest },
        message: `must have required properties ${rest.join(', ')}`,
      },
    ];
  });
}

function isMissing(node: object, key: string): boolean {
  const value = (node as Record<string, unknown>)[key];
  return value === undefined || value === '';
}

/** Drops the noise of union alternatives: keep the union's own error, not each alternative's. */
function readable(errors: SchemaError[]): SchemaError[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/anyOf/`);
  const kept = errors.filter(
    (e) => e.keyword !== 'boolean' && !unions.some((prefix) => e.schemaPath.startsWith(prefix)),
  );
  const seen = new Set<string>();
  return kept.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const DURATION_FIELDS = new Set(['duration', 'due', 'remindBefore']);
/** Errors that mean a value was left empty. */
const EMPTY = new Set(['required', 'minLength', 'minItems']);

function fromError(
  error: SchemaError,
  label: { zh: string; en: string } | undefined,
  nodeId?: string,
): ValidationIssue {
  const where = error.instancePath || '/';
  const field = where.split('/').at(-1) ?? '';
  const who = label ?? { zh: '流程定义', en: 'The definition' };
  // The path inside the node (or the definition), named in words: people never read a JSON path.
  const inner = nodeId === undefined ? where : where.replace(/^\/nodes\/\d+/, '');
  const setting = settingName(inner, error);
  if (/^\/assignee(\/|$)/.test(inner) && (EMPTY.has(error.keyword) || error.keyword === 'anyOf')) {
    const empty = EMPTY.has(error.keyword);
    return issue(
      empty ? 'approval-without-assignee' : 'schema',
      empty
        ? `${who.zh} 没有设置审批人。`
        : `${who.zh} 的审批人设置不完整，请选择角色、指定人员、结对干部、上一步审批人的上级或表单中的人员。`,
      empty
        ? `${who.en} has no approver set.`
        : `${who.en}: the approver setting is incomplete; choose a role, named people, the paired cadre, the previous approver's superior or people from a form field.`,
      nodeId,
      error.instancePath,
    );
  }
  if (error.keyword === 'pattern' && DURATION_FIELDS.has(field)) {
    return issue(
      'invalid-duration',
      `${who.zh} 的${setting.zh}不是有效时长，请写成数字加单位 s/m/h/d/y，例如 30s、15m、4h、7d、1y。`,
      `${who.en}: ${setting.en} is not a duration; write a whole number and a unit s, m, h, d or y, e.g. 30s, 15m, 4h, 7d, 1y.`,
      nodeId,
      error.instancePath,
    );
  }
  const rule = error.keyword === 'anyOf' && /\/cc\/\d+$/.test(where);
  const enWhat = rule
    ? 'is not a valid choice of people'
    : error.keyword === 'anyOf' || error.keyword === 'const'
      ? 'is not one of the allowed choices'
      : (EN[error.keyword]?.(error.params) ?? 'is not valid');
  const zhWhat = rule ? '不是有效的人员设置' : (ZH[error.keyword]?.(error.params) ?? '填写不正确');
  const zh = `${who.zh} 的${setting.zh}${zhWhat}。`;
  const en = `${who.en}: ${setting.en} ${enWhat}.`;
  return issue('schema', zh, en, nodeId, error.instancePath);
}

const ZH: Record<string, (params: unknown) => string> = {
  required: () => '未填写',
  type: () => '类型不正确',
  minLength: () => '不能为空',
  minItems: (p) => `至少需要 ${(p as { limit?: number }).limit ?? 1} 项`,
  pattern: () => '格式不正确',
  minimum: (p) => `不能小于 ${(p as { limit?: number }).limit}`,
  anyOf: () => '不是允许的取值',
  const: () => '不是允许的取值',
};

const EN: Record<string, (params: unknown) => string> = {
  required: () => 'is missing',
  type: () => 'has the wrong type',
  minLength: () => 'is empty',
  minItems: (p) => `needs at least ${(p as { limit?: number }).limit ?? 1} item(s)`,
  pattern: () => 'is not in the expected format',
  minimum: (p) => `must be at least ${(p as { limit?: number }).limit}`,
};
