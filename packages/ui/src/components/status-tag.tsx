import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  running: 'processing',
  completed: 'success',
  rejected: 'error',
  withdrawn: 'default',
  terminated: 'warning',
  open: 'gold',
  claimed: 'blue',
  cancelled: 'default',
};

/** A coloured, translated tag for a case status (`kind="case"`) or a task status (`kind="task"`). */
export function StatusTag({ status, kind = 'case' }: { status: string; kind?: 'case' | 'task' }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`status.${kind}.${status}`, { defaultValue: status })}
    </Tag>
  );
}
