import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FIELD_TYPES, type FieldType, type FormField } from '@unionflow/process-model';
import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { langOf } from '../vocabulary-names';
import { type FieldFormValues, fieldProblems, toFieldForm } from './start-form';

const BLANK: FieldFormValues = { label: { zh: '' }, type: 'text', required: false };

/**
 * Adds or edits one start-form field: name, type (the declared field types, by name), required,
 * options for a choice, bounds for numbers and money (in yuan), sensitive, hint. Problems are listed
 * in words and keep the dialog open.
 */
export function FieldDialog({
  open,
  field,
  onOk,
  onCancel,
}: {
  open: boolean;
  field: FormField | null;
  onOk: (values: FieldFormValues) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [form] = Form.useForm<FieldFormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const type = Form.useWatch('type', form) as FieldType | undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(field ? toFieldForm(field) : BLANK);
    setProblems([]);
  }, [open, field, form]);

  const submit = () => {
    const values = form.getFieldsValue(true) as FieldFormValues;
    const found = fieldProblems(values, lang);
    setProblems(found);
    if (found.length === 0) onOk(values);
  };
  const boundFromData = (which: 'min' | 'max') => typeof field?.[which] === 'string' && field?.type === type;

  return (
    <Modal
      open={open}
      title={field ? t('builder.field.titleEdit', { name: field.label.zh }) : t('builder.field.titleNew')}
      onCancel={onCancel}
      onOk={submit}
      okText={t('builder.field.ok')}
      cancelText={t('builder.field.cancel')}
      okButtonProps={{ 'data-testid': 'field-dialog-ok' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="start-field" initialValues={BLANK}>
        {problems.length > 0 && (
          <Alert
            type="error"
            style={{ marginBottom: 12 }}
            data-testid="field-dialog-problems"
            title={problems.map((p) => <div key={p}>{p}</div>)}
          />
        )}
        <Flex gap={8} wrap>
          <Form.Item name={['label', 'zh']} label={t('builder.field.labelZh')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name={['label', 'en']} label={t('builder.field.labelEn')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={80} />
          </Form.Item>
        </Flex>
        <Form.Item name="type" label={t('builder.field.type')}>
          <Select
            options={(Object.keys(FIELD_TYPES) as FieldType[]).map((k) => ({
              value: k,
              label: FIELD_TYPES[k].label[lang],
            }))}
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="required" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t('builder.field.required')}</Checkbox>
          </Form.Item>
          {(type === 'select' || type === 'user') && (
            <Form.Item name="multiple" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('builder.field.multiple')}</Checkbox>
            </Form.Item>
          )}
          <Form.Item name="sensitive" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t('builder.field.sensitive')}</Checkbox>
          </Form.Item>
        </Flex>
        {type === 'select' && (
          <Form.Item label={t('builder.field.options')}>
            <Form.List name="options">
              {(rows, { add, remove }) => (
                <Flex vertical gap={4}>
                  {rows.map((row, i) => (
                    <Flex key={row.key} gap={4}>
                      <Form.Item name={[row.name, 'zh']} noStyle>
                        <Input
                          aria-label={`${t('builder.field.option')} ${i + 1}`}
                          placeholder={t('builder.field.option')}
                          maxLength={40}
                          data-testid="field-option"
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('builder.form.remove')}
                        onClick={() => remove(row.name)}
                      />
                    </Flex>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ zh: '' })}
                    data-testid="field-add-option"
                  >
                    {t('builder.field.addOption')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
        )}
        {(type === 'number' || type === 'money') && (
          <Flex gap={8} wrap>
            {(['min', 'max'] as const).map((which) => (
              <Form.Item
                key={which}
                name={which}
                label={t(`builder.field.${which}${type === 'money' ? 'Yuan' : ''}`)}
                style={{ flex: '1 1 140px' }}
                extra={boundFromData(which) ? t('builder.field.boundFromData') : undefined}
              >
                <InputNumber
                  style={{ width: '100%' }}
                  min={0}
                  precision={type === 'money' ? 2 : undefined}
                  disabled={boundFromData(which)}
                  data-testid={`field-${which}`}
                />
              </Form.Item>
            ))}
          </Flex>
        )}
        <Form.Item name={['hint', 'zh']} label={t('builder.field.hint')}>
          <Input placeholder={t('builder.field.hintPlaceholder')} maxLength={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
