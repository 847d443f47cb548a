import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ResultField, resultRows } from './result-rows';

/** What a service step stored (an award band, an admission check…), as labelled rows. */
export function ResultView({ field, value }: { field: ResultField; value: unknown }) {
  const { i18n } = useTranslation();
  const rows = resultRows(field, value, i18n.language);
  if (rows.length === 0) return <>—</>;
  return (
    <div>
      {rows.map((row) => (
        <div key={row.key}>
          {row.label ? <Typography.Text type="secondary">{row.label}：</Typography.Text> : null}
          {row.value}
        </div>
      ))}
    </div>
  );
}
