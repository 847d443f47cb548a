import { useQuery } from '@tanstack/react-query';
import type { CaseDetailDto } from '@unionflow/contracts';
import {
  api,
  asFormFields,
  displayValue,
  type FormFieldSpec,
  fileUrl,
  formatFen,
  useLocalText,
} from '@unionflow/ui';
import { Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** The case's data, labelled by the process's start form (and task forms) where known. */
export function CaseDataView({ detail }: { detail: CaseDetailDto }) {
  const { t } = useTranslation();
  const text = useLocalText();
  // Only applicants can see the start form; reviewers fall back to task forms and raw keys.
  const processes = useQuery({ queryKey: ['processes'], queryFn: api.processes, retry: false });
  const fields = new Map<string, FormFieldSpec>();
  const startForm = processes.data?.find((p) => p.key === detail.processKey)?.form;
  for (const f of [...asFormFields(startForm), ...detail.tasks.flatMap((task) => asFormFields(task.form))]) {
    if (!fields.has(f.key)) fields.set(f.key, f);
  }
  const words = {
    yes: t('form.yes'),
    no: t('form.no'),
    money: (fen: number) => formatFen(fen),
    option: text,
  };
  const entries = Object.entries(detail.data ?? {});
  if (!entries.length) return <Empty description={t('empty')} />;
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
        const files =
          field?.type === 'file'
            ? (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
            : [];
        const children = files.length
          ? files.map((id, i) => (
              <div key={id}>
                <a href={fileUrl(id)} target="_blank" rel="noreferrer">
                  {t('form.attachment', { n: i + 1 })}
                </a>
              </div>
            ))
          : displayValue(field, value, words);
        return { key, label: field ? text(field.label) : key, children };
      })}
    />
  );
}
