import { type FormFieldSpec, toCaseData, toFormValues } from '@unionflow/ui/core';
import { Button, Form } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFields } from './form-fields';

/** Props of DynamicForm. */
export interface DynamicFormProps {
  fields: FormFieldSpec[];
  initialData?: Record<string, unknown>;
  /** Receives case data in API units (money in fen, dates as `YYYY-MM-DD`). */
  onSubmit: (data: Record<string, unknown>) => void;
  submitting?: boolean;
  submitLabel?: string;
  /** Shows a "save draft" button that hands over what is filled in so far, unvalidated. */
  onSaveDraft?: (data: Record<string, unknown>) => void;
  savingDraft?: boolean;
  /** Receives what is filled in so far (unvalidated, API units) after each change. */
  onChange?: (data: Record<string, unknown>) => void;
  /** Shown between the fields and the buttons (the approval chain the case will take). */
  beforeActions?: ReactNode;
}

/** A complete form built from a process definition's field list. */
export function DynamicForm({
  fields,
  initialData,
  onSubmit,
  submitting,
  submitLabel,
  onSaveDraft,
  savingDraft,
  onChange,
  beforeActions,
}: DynamicFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const initialValues = useMemo(() => toFormValues(fields, initialData ?? {}), [fields, initialData]);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values: Record<string, unknown>) => onSubmit(toCaseData(fields, values))}
      scrollToFirstError
      onValuesChange={
        onChange
          ? () => onChange(toCaseData(fields, form.getFieldsValue(true) as Record<string, unknown>))
          : undefined
      }
    >
      <FormFields fields={fields} />
      {beforeActions}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} block data-testid="dynamic-form-submit">
          {submitLabel ?? t('action.submit')}
        </Button>
        {onSaveDraft && (
          <Button
            block
            style={{ marginTop: 8 }}
            loading={savingDraft}
            data-testid="dynamic-form-save-draft"
            onClick={() =>
              onSaveDraft(toCaseData(fields, form.getFieldsValue(true) as Record<string, unknown>))
            }
          >
            {t('form.saveDraft')}
          </Button>
        )}
      </Form.Item>
    </Form>
  );
}
