import { Button, Form } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormFieldSpec } from './form-field';
import { FormFields } from './form-fields';
import { toCaseData, toFormValues } from './form-values';

/** Props of DynamicForm. */
export interface DynamicFormProps {
  fields: FormFieldSpec[];
  initialData?: Record<string, unknown>;
  /** Receives case data in API units (money in fen, dates as `YYYY-MM-DD`). */
  onSubmit: (data: Record<string, unknown>) => void;
  submitting?: boolean;
  submitLabel?: string;
}

/** A complete form built from a process definition's field list. */
export function DynamicForm({ fields, initialData, onSubmit, submitting, submitLabel }: DynamicFormProps) {
  const { t } = useTranslation();
  const initialValues = useMemo(() => toFormValues(fields, initialData ?? {}), [fields, initialData]);
  return (
    <Form
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values: Record<string, unknown>) => onSubmit(toCaseData(fields, values))}
      scrollToFirstError
    >
      <FormFields fields={fields} />
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} block data-testid="dynamic-form-submit">
          {submitLabel ?? t('action.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
