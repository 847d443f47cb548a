import type { Label } from '@unionflow/process-model/catalog';

/**
 * The audit log's own words, declared once: the admin operations it records (case events are named
 * by the timeline's vocabulary) and the payload fields and values its 详情 shows. The admin app's
 * audit page and the gateway's Excel export both read these tables.
 */
export const ADMIN_AUDIT_EVENTS = {
  'user-created': { zh: '创建用户', en: 'User created' },
  'user-updated': { zh: '修改用户', en: 'User changed' },
  'user-deactivated': { zh: '停用用户', en: 'User deactivated' },
  'user-reactivated': { zh: '启用用户', en: 'User reactivated' },
  'org-unit-created': { zh: '添加组织', en: 'Unit added' },
  'org-unit-renamed': { zh: '组织更名', en: 'Unit renamed' },
  'org-unit-moved': { zh: '组织移动', en: 'Unit moved' },
  'delegation-created': { zh: '设置委托', en: 'Delegation set' },
  'delegation-revoked': { zh: '撤回委托', en: 'Delegation withdrawn' },
  'hand-over': { zh: '人员交接', en: 'Hand-over' },
  'definition-published': { zh: '发布流程', en: 'Process published' },
  'definition-restored': { zh: '恢复流程版本', en: 'Process version restored' },
  'definition-retired': { zh: '停用流程', en: 'Process retired' },
  'field-revealed': { zh: '查看敏感信息', en: 'Sensitive field shown' },
  // Who objected anonymously to a notice: kept only here (ADR 019).
  'anonymous-objection': { zh: '匿名异议（提出人）', en: 'Anonymous objection (who made it)' },
} as const satisfies Record<string, Label>;

/**
 * Payload fields as the 详情 column names them, in the order a 详情 reads them (payloads come back
 * from jsonb with their keys in storage order, which means nothing to a reader).
 */
export const AUDIT_FIELDS = {
  fieldLabel: { zh: '字段', en: 'field' },
  username: { zh: '用户名', en: 'username' },
  displayName: { zh: '姓名', en: 'name' },
  orgId: { zh: '组织', en: 'unit' },
  roles: { zh: '角色', en: 'roles' },
  name: { zh: '名称', en: 'name' },
  level: { zh: '层级', en: 'level' },
  parentId: { zh: '上级组织', en: 'parent' },
  fromParentId: { zh: '原上级', en: 'old parent' },
  toParentId: { zh: '新上级', en: 'new parent' },
  from: { zh: '原', en: 'from' },
  to: { zh: '新', en: 'to' },
  fromName: { zh: '委托人', en: 'from' },
  toName: { zh: '受托人', en: 'to' },
  startsAt: { zh: '开始', en: 'starts' },
  endsAt: { zh: '结束', en: 'ends' },
  reason: { zh: '原因', en: 'reason' },
  version: { zh: '版本', en: 'version' },
  restoredFrom: { zh: '恢复自版本', en: 'restored from version' },
  status: { zh: '状态', en: 'status' },
  runningCases: { zh: '办理中案件', en: 'running cases' },
} as const satisfies Record<string, Label>;

/**
 * Payload fields whose values are codes or instants rather than words: role keys are shown by the
 * role's name, UTC timestamps as Beijing time. Fields not listed are shown as they are.
 */
export const AUDIT_FIELD_KINDS: Readonly<Record<string, 'roles' | 'time'>> = {
  roles: 'roles',
  startsAt: 'time',
  endsAt: 'time',
};

/** Values in payloads that are words, not names (a process's status). */
export const AUDIT_VALUES = {
  published: { zh: '已发布', en: 'published' },
  retired: { zh: '已停用', en: 'retired' },
} as const satisfies Record<string, Label>;
