import { boundInWidgetUnits, type FormFieldSpec, pickText } from '@unionflow/ui/core';
import type { FormRule } from 'antd';
import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPicker } from '../components/user-picker';
import { FileInput } from './file-input';
import { moneyHint, moneyRangeMessage } from './money-hint';

function rulesFor(field: FormFieldSpec, label: string, t: TFunction, lng: string): FormRule[] {
  const rules: FormRule[] = [];
  if (field.required && field.type !== 'boolean') {
    // `whitespace` makes async-validator check the value as a string, so only text fields get it.
    const text = field.type === 'text' || field.type === 'textarea';
    const kind =
      field.type === 'file' || field.multiple
        ? { type: 'array' as const, min: 1 }
        : field.type === 'number' || field.type === 'money'
          ? { type: 'number' as const }
          : {};
    rules.push({
      required: true,
      ...(text ? { whitespace: true } : {}),
      ...kind,
      message: t('form.required', { label }),
    });
  }
  if (field.type === 'number' || field.type === 'money') {
    rules.push(({ getFieldsValue }) => ({
      validator(_, value) {
        if (value === undefined || value === null || value === '') return Promise.resolve();
        const values = getFieldsValue(true) as Record<string, unknown>;
        const min = boundInWidgetUnits(field, 'min', values);
        const max = boundInWidgetUnits(field, 'max', values);
        // Money out of range reads in yuan with the whole allowed range, as the server says it.
        const out = (min !== undefined && Number(value) < min) || (max !== undefined && Number(value) > max);
        if (field.type === 'money' && out)
          return Promise.reject(new Error(moneyRangeMessage(field, label, values, lng)));
        if (min !== undefined && Number(value) < min)
          return Promise.reject(new Error(t('form.min', { label, min })));
        if (max !== undefined && Number(value) > max)
          return Promise.reject(new Error(t('form.max', { label, max })));
        return Promise.resolve();
      },
    }));
  }
  return rules;
}

function widgetFor(field: FormFieldSpec, lng: string, t: TFunction): ReactNode {
  switch (field.type) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} />;
    case 'money':
      return <InputNumber style={{ width: '100%' }} precision={2} min={0} prefix="¥" />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'select':
      return (
        <Select
          mode={field.multiple ? 'multiple' : undefined}
          showSearch={field.multiple ? { optionFilterProp: 'label' } : undefined}
          placeholder={t('form.select')}
          options={(field.options ?? []).map((o) => ({ value: o.value, label: pickText(o.label, lng) }))}
        />
      );
    case 'boolean':
      return <Switch checkedChildren={t('form.yes')} unCheckedChildren={t('form.no')} />;
    case 'file':
      return <FileInput />;
    case 'user':
      return <UserPicker multiple={field.multiple} />;
    default:
      return <Input maxLength={500} />;
  }
}

/**
 * The lines under an input: the allowed amounts before anyone types (an award band, a cap), then what
 * the definition says about the value (a proposal someone else decides).
 */
function hintsFor(field: FormFieldSpec, lng: string): ReactNode {
  const lines = [moneyHint(field, lng), field.hint ? pickText(field.hint, lng) : null].filter(
    (line): line is string => !!line,
  );
  if (lines.length === 0) return undefined;
  return lines.map((line) => (
    <div key={line} data-testid={`field-hint-${field.key}`}>
      {line}
    </div>
  ));
}

/** Renders a process form's fields as antd Form.Items; drop it inside any antd `<Form>`. */
export function FormFields({ fields }: { fields: FormFieldSpec[] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {fields.map((field) => {
        const label = pickText(field.label, i18n.language);
        const dateProps =
          field.type === 'date'
            ? {
                // Keep plain `YYYY-MM-DD` strings in form state; the picker wants Dayjs.
                getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined }),
                normalize: (v: Dayjs | null) => (v ? v.format('YYYY-MM-DD') : undefined),
              }
            : {};
        return (
          <Form.Item
            key={field.key}
            name={field.key}
            label={label}
            required={field.required}
            rules={rulesFor(field, label, t, i18n.language)}
            extra={hintsFor(field, i18n.language)}
            valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
            initialValue={field.type === 'boolean' ? false : undefined}
            {...dateProps}
          >
            {widgetFor(field, i18n.language, t)}
          </Form.Item>
        );
      })}
    </>
  );
}
