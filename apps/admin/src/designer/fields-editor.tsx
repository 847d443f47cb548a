import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

const TYPES = ['text', 'textarea', 'number', 'money', 'date', 'select', 'boolean', 'user', 'file'] as const;
/** Field types whose value may be a list. */
const MULTIPLE_TYPES = new Set(['select', 'user']);

/** Edits a list of form fields (key, label, type, required, multiple) inside the surrounding antd Form. */
export function FieldsEditor({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <Flex vertical gap={8}>
          {rows.map((row) => (
            <Card key={row.key} size="small" styles={{ body: { padding: 8 } }}>
              <Flex gap={8} wrap>
                <Form.Item
                  name={[row.name, 'label', 'zh']}
                  label={t('admin.fields.label')}
                  style={{ flex: '1 1 140px', marginBottom: 4 }}
                  rules={[{ required: true }]}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'key']}
                  label={t('admin.fields.key')}
                  style={{ flex: '1 1 100px', marginBottom: 4 }}
                  rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9_]*$/ }]}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'type']}
                  label={t('admin.fields.type')}
                  style={{ flex: '1 1 100px', marginBottom: 4 }}
                >
                  <Select options={TYPES.map((v) => ({ value: v, label: t(`admin.fields.types.${v}`) }))} />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'required']}
                  label={t('admin.fields.required')}
                  valuePropName="checked"
                  style={{ marginBottom: 4 }}
                >
                  <Switch size="small" />
                </Form.Item>
                <Form.Item noStyle dependencies={[[name, row.name, 'type']]}>
                  {({ getFieldValue }) =>
                    MULTIPLE_TYPES.has(getFieldValue([name, row.name, 'type'])) ? (
                      <Form.Item
                        name={[row.name, 'multiple']}
                        label={t('admin.fields.multiple')}
                        valuePropName="checked"
                        style={{ marginBottom: 4 }}
                      >
                        <Switch size="small" />
                      </Form.Item>
                    ) : null
                  }
                </Form.Item>
                <Form.Item
                  name={[row.name, 'hint', 'zh']}
                  label={t('admin.fields.hint')}
                  style={{ flex: '1 1 100%', marginBottom: 4 }}
                >
                  <Input placeholder={t('admin.fields.hintPlaceholder')} data-testid="field-hint" />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('action.delete', { defaultValue: '删除' })}
                  onClick={() => remove(row.name)}
                  style={{ alignSelf: 'center' }}
                />
              </Flex>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ key: `field${rows.length + 1}`, label: { zh: '' }, type: 'text' })}
          >
            {t('admin.fields.add')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
