import { Value } from 'typebox/value';
import { issue, stepLabel, type ValidationIssue } from './issues';
import { DefinitionShellSchema, NodeSchemas } from './schema';
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
    issues.push(...nodeIssues(node, `/nodes/${index}`));
  });
  return issues;
}

function nodeIssues(node: unknown, path: string): ValidationIssue[] {
  if (!node || typeof node !== 'object') {
    return [
      issue(
        'schema',
        `第 ${path} 个节点必须是对象。`,
        `The node at ${path} must be an object.`,
        undefined,
        path,
      ),
    ];
  }
  const candidate = node as Partial<ProcessNode> & { kind?: unknown };
  const nodeId = typeof candidate.id === 'string' ? candidate.id : undefined;
  const named = typeof candidate.name?.zh === 'string' && nodeId !== undefined;
  const label = stepLabel(named ? (candidate as ProcessNode) : undefined, nodeId ?? path);
  const kind = KINDS.find((k) => k === candidate.kind);
  if (kind === undefined) {
    return [
      issue(
        'unknown-node-kind',
        `${label.zh} 的类型 ${JSON.stringify(candidate.kind)} 无效，可用类型：${KINDS.join('、')}。`,
        `${label.en} has kind ${JSON.stringify(candidate.kind)}; use one of ${KINDS.join(', ')}.`,
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
        `${label.zh} 没有指定审批人规则。`,
        `${label.en} has no assignee rule: say who approves.`,
        nodeId,
        `${path}/assignee`,
      ),
    );
  }
  for (const error of errors)
    issues.push(fromError({ ...error, instancePath: path + error.instancePath }, label, nodeId));
  return issues;
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

function fromError(
  error: SchemaError,
  label: { zh: string; en: string } | undefined,
  nodeId?: string,
): ValidationIssue {
  const where = error.instancePath || '/';
  const field = where.split('/').at(-1) ?? '';
  if (error.keyword === 'pattern' && DURATION_FIELDS.has(field)) {
    const who = label ?? { zh: '流程定义', en: 'The definition' };
    return issue(
      'invalid-duration',
      `${who.zh} 的 ${field} 不是有效时长，请写成数字加单位 s/m/h/d/y，例如 30s、15m、4h、7d、1y。`,
      `${who.en}: ${field} is not a duration; write a whole number and a unit s, m, h, d or y, e.g. 30s, 15m, 4h, 7d, 1y.`,
      nodeId,
      error.instancePath,
    );
  }
  const rule = error.keyword === 'anyOf' && /\/(assignee|cc\/\d+)$/.test(where);
  const enWhat = rule
    ? 'is not an assignee rule (role + scope, user + username, paired-cadre, superior-of-previous, or field + field)'
    : error.keyword === 'anyOf'
      ? 'is not one of the allowed forms'
      : error.message;
  const zhWhat = rule
    ? '不是有效的审批人规则（角色+范围、指定用户、结对干部、上一步审批人的上级或表单字段）'
    : (ZH[error.keyword]?.(error.params) ?? `不符合要求（${error.message}）`);
  const zh = label ? `${label.zh} 的 ${where} ${zhWhat}。` : `流程定义 ${where} ${zhWhat}。`;
  const en = label ? `${label.en}: ${where} ${enWhat}.` : `The definition at ${where} ${enWhat}.`;
  return issue('schema', zh, en, nodeId, error.instancePath);
}

const ZH: Record<string, (params: unknown) => string> = {
  required: (p) =>
    `缺少必填项 ${((p as { requiredProperties?: string[] }).requiredProperties ?? []).join('、')}`,
  type: () => '类型不正确',
  minLength: () => '不能为空',
  minItems: (p) => `至少需要 ${(p as { limit?: number }).limit ?? 1} 项`,
  pattern: () => '格式不正确',
  minimum: (p) => `不能小于 ${(p as { limit?: number }).limit}`,
  anyOf: () => '不是允许的取值',
  const: () => '不是允许的取值',
};
