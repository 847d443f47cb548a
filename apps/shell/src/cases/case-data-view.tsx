import type { CaseDetailDto } from '@unionflow/contracts';
import {
  asFormFields,
  displayValue,
  type FormFieldSpec,
  fileUrl,
  formatFen,
  useLocalText,
} from '@unionflow/ui';
import { Descriptions, Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { resultFieldsOf } from './result-rows';
import { ResultView } from './result-view';
import { RevealValue } from './reveal-value';
import { StructuredValue } from './structured-value';

/**
 * The case's data in the definition's order, labelled by its forms; what a service step stored is
 * labelled by that step's name and read through its action's result schema (labels, yuan, option
 * names in the reader's language; ADR 020), never as keys and codes.
 */
export function CaseDataView({ detail }: { detail: CaseDetailDto }) {
  const { t } = useTranslation();
  const text = useLocalText();
  // Task forms first: their options read from the data were fixed when the task opened.
  const fields = new Map<string, FormFieldSpec>();
  for (const f of [
    ...detail.tasks.flatMap((task) => asFormFields(task.form)),
    ...asFormFields(detail.dataFields),
  ]) {
    if (!fields.has(f.key)) fields.set(f.key, f);
  }
  const results = resultFieldsOf(detail.dataFields);
  const order = new Map(asFormFields(detail.dataFields).map((f, i) => [f.key, i]));
  const words = {
    yes: t('form.yes'),
    no: t('form.no'),
    money: (fen: number) => formatFen(fen),
    option: text,
    count: (n: number) => t('cases.items', { n }),
  };
  // A key no form or step declares has no label to show it by; its raw name is not one.
  const entries = Object.entries(detail.data ?? {})
    .filter(([key]) => fields.has(key) || results.has(key))
    .sort(
      ([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER),
    );
  if (!entries.length) return <Empty description={t('empty')} />;
  const show = (key: string, field: FormFieldSpec | undefined, value: unknown): ReactNode => {
    const result = results.get(key);
    if (result) return <ResultView field={result} value={value} />;
    if (field?.type === 'file') {
      const files = (Array.isArray(value) ? value : [value]).filter(
        (v): v is string => typeof v === 'string',
      );
      return files.map((id, i) => (
        <div key={id}>
          <a href={fileUrl(id)} target="_blank" rel="noreferrer">
            {t('form.attachment', { n: i + 1 })}
          </a>
        </div>
      ));
    }
    if (
      value &&
      typeof value === 'object' &&
      !(Array.isArray(value) && value.every((v) => typeof v === 'string'))
    )
      return <StructuredValue value={value} words={words} />;
    return displayValue(field, value, words);
  };
  return (
    <Descriptions
      data-testid="case-data"
      size="small"
      bordered
      column={1}
      styles={{
        label: { width: '35%', minWidth: 90 },
        content: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
      }}
      items={entries.map(([key, value]) => {
        const field = fields.get(key);
        const shown = show(key, field, value);
        return {
          key,
          label: field ? text(field.label) : text(results.get(key)?.label ?? { zh: '' }),
          children: detail.revealable.includes(key) ? (
            <RevealValue caseId={detail.id} field={key} masked={shown} />
          ) : (
            shown
          ),
        };
      })}
    />
  );
}
