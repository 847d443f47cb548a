import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormField } from '@unionflow/process-model';
import { Alert, Button, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { langOf } from '../vocabulary-names';
import {
  buildCondition,
  COMPARISONS,
  type ConditionRow,
  comparisonsFor,
  conditionFields,
  describeCondition,
  parseCondition,
  storedValue,
  typedValue,
} from './condition-words';

function parsed(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
}

/** A row for a newly chosen field: its first comparison and a neutral value. */
function freshRow(field: FormField): ConditionRow {
  const op = comparisonsFor(field)[0] ?? '==';
  const value =
    field.type === 'select'
      ? (field.options?.[0]?.value ?? '')
      : field.type === 'boolean'
        ? true
        : field.type === 'money' || field.type === 'number'
          ? 0
          : '';
  return { field: field.key, op, value };
}

/**
 * A branch condition as rows of field, comparison and value, all of which must hold (且), with money
 * typed in yuan and options picked by name; what it stores is the JSON Logic the engine evaluates.
 * A condition of another shape is kept untouched and shown as custom until replaced.
 * Works as an antd form control: `value` and `onChange` carry the condition as JSON text.
 */
export function ConditionInput({
  value,
  onChange,
  fields,
}: {
  value?: string;
  onChange?: (text: string) => void;
  fields: FormField[];
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const usable = conditionFields(fields);
  const byKey = new Map(usable.map((f) => [f.key, f]));
  const condition = parsed(value);
  const rows = parseCondition(condition);
  const emit = (next: ConditionRow[]) => onChange?.(JSON.stringify(buildCondition(next)));
  const first = usable[0];

  if (usable.length === 0) return <Alert type="info" title={t('builder.condition.noFields')} />;
  if (!rows)
    return (
      <Flex vertical gap={8} data-testid="condition-custom">
        <Alert type="warning" title={t('builder.condition.custom')} />
        <Button onClick={() => first && emit([freshRow(first)])}>{t('builder.condition.replace')}</Button>
      </Flex>
    );

  const update = (i: number, row: ConditionRow) => emit(rows.map((r, j) => (j === i ? row : r)));
  return (
    <Flex vertical gap={8} data-testid="condition-builder">
      {rows.map((row, i) => {
        const field = byKey.get(row.field);
        const ops = comparisonsFor(field);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <Flex key={i} gap={4} wrap align="center" data-testid="condition-row">
            <Select
              aria-label={t('builder.condition.field')}
              placeholder={t('builder.condition.field')}
              style={{ flex: '1 1 120px' }}
              value={field ? row.field : undefined}
              options={usable.map((f) => ({
                value: f.key,
                label: (lang === 'en' && f.label.en) || f.label.zh,
              }))}
              onChange={(key: string) => {
                const next = byKey.get(key);
                if (next) update(i, freshRow(next));
              }}
              data-testid="condition-field"
            />
            <Select
              aria-label={t('builder.condition.comparison')}
              style={{ flex: '0 1 110px' }}
              value={row.op}
              options={ops.map((op) => ({ value: op, label: COMPARISONS[op][lang] }))}
              onChange={(op: ConditionRow['op']) => update(i, { ...row, op })}
              data-testid="condition-op"
            />
            {field?.type === 'select' ? (
              <Select
                aria-label={t('builder.condition.value')}
                style={{ flex: '1 1 120px' }}
                value={String(row.value)}
                options={(field.options ?? []).map((o) => ({
                  value: o.value,
                  label: (lang === 'en' && o.label.en) || o.label.zh,
                }))}
                onChange={(v: string) => update(i, { ...row, value: v })}
                data-testid="condition-value"
              />
            ) : field?.type === 'boolean' ? (
              <Select
                aria-label={t('builder.condition.value')}
                style={{ flex: '1 1 80px' }}
                value={row.value === true ? 'true' : 'false'}
                options={[
                  { value: 'true', label: t('builder.condition.yes') },
                  { value: 'false', label: t('builder.condition.no') },
                ]}
                onChange={(v: string) => update(i, { ...row, value: v === 'true' })}
                data-testid="condition-value"
              />
            ) : field?.type === 'money' || field?.type === 'number' ? (
              <InputNumber
                aria-label={t('builder.condition.value')}
                style={{ flex: '1 1 120px' }}
                value={typedValue(field, row.value) as number}
                precision={field.type === 'money' ? 2 : undefined}
                suffix={field.type === 'money' ? (lang === 'zh' ? '元' : 'yuan') : undefined}
                onChange={(v) => update(i, { ...row, value: storedValue(field, v ?? 0) })}
                data-testid="condition-value"
              />
            ) : (
              <Input
                aria-label={t('builder.condition.value')}
                style={{ flex: '1 1 120px' }}
                value={String(row.value)}
                onChange={(e) => update(i, { ...row, value: storedValue(field, e.target.value) })}
                data-testid="condition-value"
              />
            )}
            {rows.length > 1 && (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('builder.condition.removeRow')}
                onClick={() => emit(rows.filter((_, j) => j !== i))}
              />
            )}
          </Flex>
        );
      })}
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => first && emit([...rows, freshRow(first)])}
      >
        {t('builder.condition.addRow')}
      </Button>
      <Typography.Text type="secondary" data-testid="condition-words">
        {t('builder.condition.preview', { text: describeCondition(condition, fields, lang) })}
      </Typography.Text>
    </Flex>
  );
}
