import { type Static, Type } from 'typebox';
import type { ProcessDefinition, ProcessNode } from './types';

/** Node ids appear in parallel scope strings (`split#0`) and URLs, so they stay plain. */
const NodeId = Type.String({ minLength: 1, pattern: '^[A-Za-z0-9_-]+$' });
/** Field keys are read by conditions as `data.<key>`, so they cannot contain dots. */
const FieldKey = Type.String({ minLength: 1, pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' });
const Duration = Type.String({ pattern: '^[0-9]+[smhdy]$', description: 'e.g. 30s, 15m, 4h, 7d, 1y' });

/** Localised text: Chinese required, English optional. */
export const TextSchema = Type.Object({
  zh: Type.String({ minLength: 1 }),
  en: Type.Optional(Type.String()),
});

/** A JSON Logic expression, or a constant. */
export const ConditionSchema = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Boolean()]);

/** A number, or a path into the case data (`awardBand.max`) holding one. */
const Bound = Type.Union([
  Type.Number(),
  Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*$' }),
]);

/** One form field. */
export const FormFieldSchema = Type.Object({
  key: FieldKey,
  label: TextSchema,
  type: Type.Union([
    Type.Literal('text'),
    Type.Literal('textarea'),
    Type.Literal('number'),
    Type.Literal('money'),
    Type.Literal('date'),
    Type.Literal('select'),
    Type.Literal('boolean'),
    Type.Literal('user'),
    Type.Literal('file'),
  ]),
  required: Type.Optional(Type.Boolean()),
  options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: TextSchema }))),
  optionsFrom: Type.Optional(
    Type.Object({
      path: Type.String({ minLength: 1, maxLength: 200 }),
      value: Type.String({ minLength: 1, maxLength: 100 }),
      label: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 5 }),
    }),
  ),
  multiple: Type.Optional(Type.Boolean()),
  min: Type.Optional(Bound),
  max: Type.Optional(Bound),
  sensitive: Type.Optional(Type.Boolean()),
  revealOnly: Type.Optional(Type.Boolean()),
  hint: Type.Optional(TextSchema),
});

/** Org scope of a role assignment. */
export const OrgScopeSchema = Type.Union([
  Type.Literal('applicant-org'),
  Type.Literal('parent-org'),
  Type.Literal('nearest'),
  Type.Literal('root'),
]);

/** Who is asked at a human step. */
export const AssigneeRuleSchema = Type.Union([
  Type.Object({ kind: Type.Literal('role'), role: Type.String({ minLength: 1 }), scope: OrgScopeSchema }),
  Type.Object({ kind: Type.Literal('user'), username: Type.String({ minLength: 1 }) }),
  Type.Object({
    kind: Type.Literal('users'),
    usernames: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  }),
  Type.Object({ kind: Type.Literal('paired-cadre') }),
  Type.Object({ kind: Type.Literal('superior-of-previous') }),
  Type.Object({ kind: Type.Literal('field'), field: FieldKey }),
]);

/** Per field key, what a step's people may do with it (字段权限). */
const FieldPermissionsSchema = Type.Record(
  FieldKey,
  Type.Union([Type.Literal('hidden'), Type.Literal('read'), Type.Literal('edit'), Type.Literal('required')]),
);

const DeadlineSchema = Type.Object({
  due: Duration,
  remindBefore: Type.Optional(Duration),
  onOverdue: Type.Optional(
    Type.Union([
      Type.Literal('remind'),
      Type.Literal('escalate-to-superior'),
      Type.Literal('auto-approve'),
      Type.Literal('auto-reject'),
    ]),
  ),
});

const base = { id: NodeId, name: TextSchema };

/** One schema per node kind, so the validator can report errors against the kind the author meant. */
export const NodeSchemas = {
  approval: Type.Object({
    ...base,
    kind: Type.Literal('approval'),
    assignee: AssigneeRuleSchema,
    mode: Type.Union([
      Type.Literal('single'),
      Type.Literal('sequential'),
      Type.Literal('all'),
      Type.Literal('any'),
      Type.Literal('quorum'),
    ]),
    quorum: Type.Optional(Type.Integer({ minimum: 1 })),
    emptyAssignee: Type.Optional(
      Type.Union([Type.Literal('auto-approve'), Type.Literal('scope-admin'), Type.Literal('admin-queue')]),
    ),
    applicantIsApprover: Type.Optional(
      Type.Union([
        Type.Literal('skip'),
        Type.Literal('superior'),
        Type.Literal('department-head'),
        Type.Literal('self'),
      ]),
    ),
    form: Type.Optional(Type.Array(FormFieldSchema)),
    fieldPermissions: Type.Optional(FieldPermissionsSchema),
    deadline: Type.Optional(DeadlineSchema),
    cc: Type.Optional(Type.Array(AssigneeRuleSchema)),
    onReject: Type.Optional(NodeId),
    next: NodeId,
  }),
  'applicant-task': Type.Object({
    ...base,
    kind: Type.Literal('applicant-task'),
    form: Type.Array(FormFieldSchema),
    fieldPermissions: Type.Optional(FieldPermissionsSchema),
    deadline: Type.Optional(DeadlineSchema),
    next: NodeId,
  }),
  cc: Type.Object({
    ...base,
    kind: Type.Literal('cc'),
    recipients: Type.Array(AssigneeRuleSchema),
    next: NodeId,
  }),
  timer: Type.Object({ ...base, kind: Type.Literal('timer'), duration: Duration, next: NodeId }),
  notice: Type.Object({
    ...base,
    kind: Type.Literal('notice'),
    duration: Duration,
    publicFields: Type.Optional(Type.Array(FieldKey, { maxItems: 20 })),
    onObjection: NodeId,
    next: NodeId,
  }),
  service: Type.Object({
    ...base,
    kind: Type.Literal('service'),
    action: Type.String({ minLength: 1 }),
    compensation: Type.Optional(Type.String({ minLength: 1 })),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    resultKey: Type.Optional(FieldKey),
    next: NodeId,
  }),
  exclusive: Type.Object({
    ...base,
    kind: Type.Literal('exclusive'),
    branches: Type.Array(
      Type.Object({ condition: ConditionSchema, next: NodeId, label: Type.Optional(TextSchema) }),
      { minItems: 1 },
    ),
    default: NodeId,
  }),
  parallel: Type.Object({
    ...base,
    kind: Type.Literal('parallel'),
    branches: Type.Array(NodeId, { minItems: 2 }),
    join: NodeId,
  }),
  join: Type.Object({ ...base, kind: Type.Literal('join'), next: NodeId }),
  subprocess: Type.Object({
    ...base,
    kind: Type.Literal('subprocess'),
    processKey: Type.String({ minLength: 1 }),
    inputs: Type.Optional(Type.Record(Type.String(), Type.String())),
    resultKey: Type.Optional(FieldKey),
    next: NodeId,
  }),
  end: Type.Object({ ...base, kind: Type.Literal('end'), outcome: Type.String({ minLength: 1 }) }),
} as const;

/** Any node. */
export const ProcessNodeSchema = Type.Union([
  NodeSchemas.approval,
  NodeSchemas['applicant-task'],
  NodeSchemas.cc,
  NodeSchemas.timer,
  NodeSchemas.notice,
  NodeSchemas.service,
  NodeSchemas.exclusive,
  NodeSchemas.parallel,
  NodeSchemas.join,
  NodeSchemas.subprocess,
  NodeSchemas.end,
]);

const definitionProperties = {
  key: Type.String({ minLength: 1, pattern: '^[a-z0-9][a-z0-9-]*$' }),
  version: Type.Integer({ minimum: 1 }),
  name: TextSchema,
  department: Type.String({ minLength: 1 }),
  starterRoles: Type.Optional(Type.Array(Type.String())),
  sensitiveViewerRoles: Type.Optional(Type.Array(Type.String())),
  sensitiveDataKeys: Type.Optional(Type.Array(Type.String())),
  form: Type.Array(FormFieldSchema),
  titleTemplate: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  start: NodeId,
  settings: Type.Optional(
    Type.Object({
      skipDuplicateApprover: Type.Optional(Type.Boolean()),
      continueAsNewAfterEvents: Type.Optional(Type.Integer({ minimum: 100 })),
    }),
  ),
};

/** JSON Schema of a process definition (used by the designer, OpenAPI and the validator). */
export const ProcessDefinitionSchema = Type.Object(
  { ...definitionProperties, nodes: Type.Array(ProcessNodeSchema, { minItems: 1 }) },
  { $id: 'ProcessDefinition', title: 'ProcessDefinition' },
);

/** The definition with nodes left unchecked: the validator checks each node against its own kind. */
export const DefinitionShellSchema = Type.Object({
  ...definitionProperties,
  nodes: Type.Array(Type.Unknown(), { minItems: 1 }),
});

// Compile-time proof that the schema and the hand-written types describe exactly the same documents
// (identity, not mere assignability, so a forgotten optional field fails the typecheck too).
type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
/** Type-level check only; `true` when schema.ts mirrors types.ts. */
export type SchemaMatchesTypes = Assert<Exact<Static<typeof ProcessDefinitionSchema>, ProcessDefinition>> &
  Assert<Exact<Static<typeof ProcessNodeSchema>, ProcessNode>>;
