/**
 * Names of a definition's settings as the designer labels them, so a shape error reads
 * "第 2 步「基层审核」的办理时限格式不正确" rather than quoting `/nodes/1/deadline/due`.
 */
const WORDS: Record<string, { zh: string; en: string }> = {
  key: { zh: '编号', en: 'the key' },
  version: { zh: '版本号', en: 'the version' },
  name: { zh: '名称', en: 'the name' },
  label: { zh: '名称', en: 'the label' },
  zh: { zh: '', en: '' },
  en: { zh: '（英文）', en: '(English)' },
  department: { zh: '所属部门', en: 'the department' },
  starterRoles: { zh: '可发起的角色', en: 'the roles that may start it' },
  sensitiveViewerRoles: { zh: '可查看敏感信息的角色', en: 'the roles that see household data' },
  sensitiveDataKeys: { zh: '敏感数据', en: 'the sensitive data keys' },
  form: { zh: '表单字段', en: 'the form fields' },
  start: { zh: '开始步骤', en: 'the start step' },
  nodes: { zh: '步骤', en: 'the steps' },
  settings: { zh: '流程设置', en: 'the settings' },
  kind: { zh: '类型', en: 'the kind' },
  assignee: { zh: '审批人', en: 'the approver' },
  mode: { zh: '审批方式', en: 'the approval mode' },
  quorum: { zh: '通过人数', en: 'the number of approvals' },
  emptyAssignee: { zh: '审批人为空时的处理', en: 'what happens when nobody can approve' },
  applicantIsApprover: { zh: '申请人即审批人时的处理', en: 'what happens when the applicant is an approver' },
  deadline: { zh: '办理时限', en: 'the deadline' },
  due: { zh: '办理时限', en: 'the due time' },
  remindBefore: { zh: '提前提醒时间', en: 'the reminder time' },
  onOverdue: { zh: '超时处理', en: 'what happens when overdue' },
  cc: { zh: '抄送人', en: 'the people copied' },
  onReject: { zh: '驳回后去向', en: 'where a rejection leads' },
  next: { zh: '下一步', en: 'the next step' },
  duration: { zh: '时长', en: 'the duration' },
  publicFields: { zh: '公示字段', en: 'the fields on the notice' },
  onObjection: { zh: '异议后去向', en: 'where an objection leads' },
  action: { zh: '调用的服务', en: 'the service' },
  compensation: { zh: '撤销动作', en: 'the undo action' },
  params: { zh: '服务参数', en: 'the service parameters' },
  resultKey: { zh: '结果保存位置', en: 'where the result is kept' },
  branches: { zh: '分支', en: 'the branches' },
  condition: { zh: '条件', en: 'the condition' },
  default: { zh: '默认分支', en: 'the default branch' },
  join: { zh: '汇合点', en: 'the join' },
  processKey: { zh: '子流程', en: 'the sub-process' },
  inputs: { zh: '子流程输入', en: 'the sub-process inputs' },
  outcome: { zh: '结果', en: 'the result' },
  type: { zh: '类型', en: 'the type' },
  required: { zh: '是否必填', en: 'whether it is required' },
  options: { zh: '选项', en: 'the options' },
  value: { zh: '取值', en: 'the value' },
  multiple: { zh: '是否多选', en: 'whether several may be chosen' },
  min: { zh: '下限', en: 'the minimum' },
  max: { zh: '上限', en: 'the maximum' },
  hint: { zh: '填写说明', en: 'the hint' },
  sensitive: { zh: '敏感标记', en: 'the sensitive flag' },
  role: { zh: '角色', en: 'the role' },
  scope: { zh: '查找范围', en: 'the scope' },
  username: { zh: '人员', en: 'the person' },
  usernames: { zh: '人员', en: 'the people' },
  field: { zh: '人员字段', en: 'the field holding people' },
  fieldAccess: { zh: '字段权限', en: 'the field permissions' },
};

/** What the n-th item of a list is called ("第 2 个表单字段" / "form field 2"). */
const ITEMS: Record<string, { zh: string; en: string }> = {
  form: { zh: '表单字段', en: 'form field' },
  branches: { zh: '分支', en: 'branch' },
  options: { zh: '选项', en: 'option' },
  cc: { zh: '抄送人', en: 'copied person' },
  usernames: { zh: '人员', en: 'person' },
  nodes: { zh: '步骤', en: 'step' },
};

/** The setting at a path inside a node or definition, in words (the missing one, for `required`). */
export function settingName(
  path: string,
  error: { keyword: string; params: unknown },
): { zh: string; en: string } {
  const segments = path.split('/').filter(Boolean);
  if (error.keyword === 'required') {
    const missing = (error.params as { requiredProperties?: string[] }).requiredProperties?.[0];
    if (missing) segments.push(missing);
  }
  const zh: string[] = [];
  const en: string[] = [];
  segments.forEach((segment, i) => {
    const list = segments[i - 1];
    if (/^\d+$/.test(segment) && list && ITEMS[list]) {
      // "第 3 个表单字段" replaces the list's own word.
      zh.pop();
      en.pop();
      zh.push(`第 ${Number(segment) + 1} 个${ITEMS[list].zh}`);
      en.push(`${ITEMS[list].en} ${Number(segment) + 1}`);
      return;
    }
    const word = WORDS[segment];
    if (!word) return;
    if (word.zh) zh.push(word.zh);
    if (word.en) en.push(word.en);
  });
  if (zh.length === 0) return { zh: '设置', en: 'a setting' };
  return { zh: zh.join('的'), en: en.reverse().join(' of ') };
}
