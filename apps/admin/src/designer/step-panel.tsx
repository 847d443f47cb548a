import type { ProcessDefinition, ProcessNode } from '@unionflow/process-model';
import { UserPicker, useLocalText } from '@unionflow/ui';
import { Alert, Card, Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ConditionInput } from './builder/condition-input';
import { EditorDrawer } from './builder/editor-drawer';
import { definitionFields } from './builder/start-form';
import { CcRecipientsFields } from './cc-recipients-fields';
import { DurationInput } from './duration-input';
import { FieldPermissionsTable } from './field-permissions-table';
import { FieldsEditor } from './fields-editor';
import { fromNodeForm, NEVER_SELF, type NodeFormValues, toNodeForm } from './node-form';
import { langOf, roleOptions, serviceOptions } from './vocabulary-names';

/** Where the assignee may come from, in the order the select offers them. */
const ASSIGNEE_KINDS = ['role', 'users', 'user', 'paired-cadre', 'superior-of-previous', 'field'] as const;

function isJson(text: unknown): boolean {
  try {
    JSON.parse(String(text));
    return true;
  } catch {
    return false;
  }
}

/** Fields a notice may publish: every field the process collects, except household (sensitive) data. */
function publicFieldOptions(def: ProcessDefinition, text: (t: { zh: string; en?: string }) => string) {
  const steps = def.nodes.flatMap((n) => ('form' in n && Array.isArray(n.form) ? n.form : []));
  const seen = new Set<string>();
  return [...def.form, ...steps].flatMap((f) => {
    if (f.sensitive || f.revealOnly || seen.has(f.key)) return [];
    seen.add(f.key);
    return [{ value: f.key, label: `${text(f.label) || f.key} (${f.key})` }];
  });
}

/** The side panel for one step: assignees, mode, deadline, form fields, or the step kind's own settings. */
export function StepPanel({
  def,
  node,
  issues,
  onChange,
  onClose,
}: {
  def: ProcessDefinition;
  node: ProcessNode | null;
  issues: string[];
  onChange: (node: ProcessNode) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const text = useLocalText();
  const [form] = Form.useForm<NodeFormValues>();
  // Reset only when another step is opened; edits flow out through onChange.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the step id on purpose
  const initial = useMemo(() => (node ? toNodeForm(node) : {}), [node?.id]);
  // One form instance serves every step: what the previous step left in its store (its name) must not
  // be read back into the next one, e.g. a 抄送 step just inserted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another step is opened
  useEffect(() => {
    form.setFieldsValue(initial);
  }, [node?.id, form]);
  // What to show follows the step itself, not a watch on the form: every edit reaches the step through
  // onChange before the next render, while a watch reads undefined (or the last step's value) for a
  // render after the drawer reopens, which once hid the people picker of a 会签 step.
  const assigneeKind = node?.kind === 'approval' ? node.assignee.kind : undefined;
  const mode = node?.kind === 'approval' ? node.mode : undefined;
  const targets = def.nodes
    .filter((n) => n.id !== node?.id && n.kind !== 'join')
    .map((n) => ({ value: n.id, label: `${text(n.name) || n.id} (${n.id})` }));

  return (
    <EditorDrawer
      open={!!node}
      onClose={onClose}
      title={
        node ? `${t(`admin.kinds.${node.kind}`)} · ${text(node.name) || node.id}` : t('admin.panel.title')
      }
      width={520}
      doneTestId="panel-done"
      destroyOnHidden
    >
      {node && (
        <Form
          key={node.id}
          form={form}
          layout="vertical"
          initialValues={initial}
          onValuesChange={() => onChange(fromNodeForm(node, form.getFieldsValue(true) as NodeFormValues))}
        >
          {issues.length > 0 && (
            <Alert
              type="error"
              style={{ marginBottom: 12 }}
              title={issues.map((m) => <div key={m}>{m}</div>)}
            />
          )}
          <Form.Item name={['name', 'zh']} label={t('admin.panel.nameZh')} rules={[{ required: true }]}>
            <Input data-testid="panel-name" />
          </Form.Item>
          <Form.Item name={['name', 'en']} label={t('admin.panel.nameEn')}>
            <Input />
          </Form.Item>

          {node.kind === 'approval' && (
            <>
              <Form.Item name={['assignee', 'kind']} label={t('admin.panel.assigneeKind')}>
                <Select
                  data-testid="panel-assignee-kind"
                  options={ASSIGNEE_KINDS.map((k) => ({
                    value: k,
                    label: t(`admin.assigneeKinds.${k}`),
                  }))}
                />
              </Form.Item>
              {assigneeKind === 'role' && (
                <>
                  <Form.Item name={['assignee', 'role']} label={t('admin.panel.role')}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      options={roleOptions(def, lang)}
                      data-testid="panel-role"
                    />
                  </Form.Item>
                  <Form.Item name={['assignee', 'scope']} label={t('admin.panel.scope')}>
                    <Select
                      options={['applicant-org', 'parent-org', 'nearest', 'root'].map((s) => ({
                        value: s,
                        label: t(`admin.scopes.${s}`),
                      }))}
                    />
                  </Form.Item>
                </>
              )}
              {assigneeKind === 'user' && (
                <Form.Item name={['assignee', 'username']} label={t('admin.panel.username')}>
                  <UserPicker data-testid="panel-username" />
                </Form.Item>
              )}
              {assigneeKind === 'users' && (
                <Form.Item
                  name={['assignee', 'usernames']}
                  label={t('admin.panel.usernames')}
                  extra={t('admin.panel.usernamesHelp')}
                >
                  <UserPicker multiple data-testid="panel-usernames" />
                </Form.Item>
              )}
              {assigneeKind === 'field' && (
                <Form.Item name={['assignee', 'field']} label={t('admin.panel.field')}>
                  <Input />
                </Form.Item>
              )}
              <Form.Item name="mode" label={t('admin.panel.mode')}>
                <Select
                  data-testid="panel-mode"
                  options={['single', 'sequential', 'all', 'any', 'quorum'].map((m) => ({
                    value: m,
                    label: t(`admin.modes.${m}`),
                  }))}
                />
              </Form.Item>
              {mode === 'quorum' && (
                <Form.Item name="quorum" label={t('admin.panel.quorum')}>
                  <InputNumber min={1} style={{ width: '100%' }} />
                </Form.Item>
              )}
              <Form.Item name="emptyAssignee" label={t('admin.panel.emptyAssignee')}>
                <Select
                  options={['admin-queue', 'scope-admin', 'auto-approve'].map((m) => ({
                    value: m,
                    label: t(`admin.empty.${m}`),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="applicantIsApprover"
                label={t('admin.panel.applicantIsApprover')}
                extra={t('admin.panel.applicantIsApproverHelp')}
              >
                <Select
                  data-testid="panel-applicant-is-approver"
                  options={[NEVER_SELF, 'skip', 'superior', 'department-head', 'self'].map((m) => ({
                    value: m,
                    label: t(`admin.applicantIsApprover.${m}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="onReject" label={t('admin.panel.onReject')}>
                <Select allowClear placeholder={t('admin.panel.onRejectEnd')} options={targets} />
              </Form.Item>
              <Form.Item name="ccUsers" label={t('admin.panel.ccUsers')} extra={t('admin.panel.ccHelp')}>
                <UserPicker multiple data-testid="panel-cc-users" />
              </Form.Item>
              <Form.Item name="ccRoles" label={t('admin.panel.ccRoles')}>
                <Select
                  mode="multiple"
                  showSearch={{ optionFilterProp: 'label' }}
                  options={roleOptions(def, lang)}
                  data-testid="panel-cc-roles"
                />
              </Form.Item>
            </>
          )}

          {(node.kind === 'approval' || node.kind === 'applicant-task') && (
            <>
              <Form.Item name={['deadline', 'due']} label={t('admin.panel.due')}>
                <DurationInput testId="panel-due" />
              </Form.Item>
              <Form.Item name={['deadline', 'remindBefore']} label={t('admin.panel.remindBefore')}>
                <DurationInput testId="panel-remind-before" />
              </Form.Item>
              <Form.Item name={['deadline', 'onOverdue']} label={t('admin.panel.onOverdue')}>
                <Select
                  allowClear
                  options={['remind', 'escalate-to-superior', 'auto-approve', 'auto-reject'].map((m) => ({
                    value: m,
                    label: t(`admin.overdue.${m}`),
                  }))}
                />
              </Form.Item>
              <Form.Item label={t('admin.panel.fields')}>
                <FieldsEditor name="form" />
              </Form.Item>
              <FieldPermissionsTable def={def} node={node} onChange={onChange} />
            </>
          )}

          {node.kind === 'cc' && <CcRecipientsFields def={def} />}
          {(node.kind === 'timer' || node.kind === 'notice') && (
            <Form.Item
              name="duration"
              label={t('admin.panel.duration')}
              rules={[{ required: true, message: t('admin.panel.durationRequired') }]}
            >
              <DurationInput testId="panel-duration" />
            </Form.Item>
          )}
          {node.kind === 'notice' && (
            <Form.Item name="onObjection" label={t('admin.panel.onObjection')}>
              <Select options={targets} />
            </Form.Item>
          )}
          {node.kind === 'notice' && (
            <Form.Item
              name="publicFields"
              label={t('admin.panel.publicFields')}
              extra={t('admin.panel.publicFieldsHelp')}
            >
              <Select
                mode="multiple"
                options={publicFieldOptions(def, text)}
                data-testid="notice-public-fields"
              />
            </Form.Item>
          )}
          {node.kind === 'end' && (
            <Form.Item name="outcome" label={t('admin.panel.outcome')}>
              <Input />
            </Form.Item>
          )}
          {node.kind === 'service' && (
            <Form.Item name="action" label={t('admin.panel.action')}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={serviceOptions(lang)}
                data-testid="panel-service"
              />
            </Form.Item>
          )}
          {node.kind === 'exclusive' && (
            <Form.List name="branches">
              {(rows) =>
                rows.map((row) => (
                  <Card key={row.key} size="small" style={{ marginBottom: 8 }}>
                    <Form.Item name={[row.name, 'label', 'zh']} label={t('admin.panel.branchLabel')}>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'conditionText']}
                      label={t('admin.panel.condition')}
                      rules={[
                        {
                          validator: (_, v) =>
                            isJson(v)
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('admin.panel.badJson'))),
                        },
                      ]}
                    >
                      <ConditionInput fields={definitionFields(def)} />
                    </Form.Item>
                  </Card>
                ))
              }
            </Form.List>
          )}
        </Form>
      )}
    </EditorDrawer>
  );
}
