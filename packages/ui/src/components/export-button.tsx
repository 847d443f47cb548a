import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadUrl } from '../api/client';

/**
 * 导出 Excel: a link to one of the gateway's .xlsx exports, with the list's filters and the reader's
 * language. A plain link: the browser downloads the streamed file with the session cookie, however long.
 */
export function ExportButton({
  path,
  query = {},
  testId = 'export-excel',
}: {
  path: string;
  query?: Record<string, string | number | boolean | null | undefined>;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language?.startsWith('en') ? 'en' : 'zh';
  return (
    <Button href={downloadUrl(path, { ...query, lang })} icon={<DownloadOutlined />} data-testid={testId}>
      {t('exportExcel')}
    </Button>
  );
}
