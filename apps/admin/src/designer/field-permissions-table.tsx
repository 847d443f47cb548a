import { FIELD_PERMISSIONS } from '@unionflow/contracts/vocabulary';
import {
  fieldPermission,
  type ProcessDefinition,
  type ProcessNode,
  permissionFields,
} from '@unionflow/process-model';
import { useLocalText } from '@unionflow/ui';
import { Radio, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldSources, permissionChoices, withFieldPermission } from './field-permissions-edit';
import { langOf } from './vocabulary-names';

/**
 * 字段权限 of one step: every field collected elsewhere in the process (the start form first), each with
 * a four-way choice of what the step's people may do with it: 隐藏 / 只读 / 可编辑 / 必填.
 */
export function FieldPermissionsTable({
  def,
  node,
  onChange,
}: {
  def: ProcessDefinition;
  node: ProcessNode;
  onChange: (node: ProcessNode) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const text = useLocalText();
  const fields = permissionFields(def, node);
  const sources = fieldSources(def, fields);
  const choices = permissionChoices(node);
  return (
    <div data-testid="field-permissions">
      <Typography.Text strong>{t('admin.fieldPermissions.title')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('admin.fieldPermissions.help')}
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={fields}
        locale={{ emptyText: t('admin.fieldPermissions.none') }}
        columns={[
          {
            title: t('admin.fieldPermissions.field'),
            key: 'field',
            render: (_, field) => {
              const source = sources.get(field.key);
              return (
                <>
                  <div>{text(field.label) || field.key}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {source ? text(source) : t('admin.fieldPermissions.startForm')}
                  </Typography.Text>
                </>
              );
            },
          },
          {
            title: t('admin.fieldPermissions.permission'),
            key: 'permission',
            render: (_, field) => (
              <Radio.Group
                size="small"
                optionType="button"
                value={fieldPermission(node, field.key)}
                data-testid={`field-permission-${field.key}`}
                aria-label={text(field.label) || field.key}
                onChange={(e) => onChange(withFieldPermission(node, field.key, e.target.value))}
                options={choices.map((p) => ({ value: p, label: FIELD_PERMISSIONS[p][lang] }))}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
