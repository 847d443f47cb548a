import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CsvTable, downloadCsv } from './csv';
import { type ChartOption, EChart } from './echart';

/**
 * One figure of a board: a titled card with its chart, and the numbers behind it as CSV. An empty
 * table, or one the caller marks `empty` (every week of a range listed, all of them zero), shows
 * "no data" instead of an empty axis.
 */
export function BoardSection({
  id,
  title,
  option,
  table,
  height,
  empty = table.rows.length === 0,
}: {
  id: string;
  title: string;
  option: ChartOption;
  table: CsvTable;
  height?: number;
  empty?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={title}
      data-testid={`board-${id}`}
      extra={
        <Button
          size="small"
          type="text"
          icon={<DownloadOutlined />}
          disabled={empty}
          onClick={() => downloadCsv(title, table)}
          aria-label={`${t('kanban.exportCsv')} ${title}`}
        >
          CSV
        </Button>
      }
    >
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kanban.noData')} />
      ) : (
        <EChart option={option} label={title} fileName={title} height={height} />
      )}
    </Card>
  );
}
