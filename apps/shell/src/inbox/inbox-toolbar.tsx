import type { InboxBoxCountsDto, ProcessSummaryDto } from '@unionflow/contracts';
import { INBOX_BOX_NAMES, type InboxBoxName } from '@unionflow/contracts/vocabulary';
import { type BoxFilters, useLocalText } from '@unionflow/ui';
import { Badge, DatePicker, Flex, Input, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

const DAY = 'YYYY-MM-DD';

/**
 * The box switch (待处理 / 已处理 / 我发起的 / 抄送我的, each with its count, unread copies as a badge)
 * and the filters every box shares: words in the title or number, a date range, the process.
 */
export function InboxToolbar({
  box,
  onBox,
  boxes,
  filters,
  onFilters,
  processes,
}: {
  box: InboxBoxName;
  onBox: (box: InboxBoxName) => void;
  boxes: InboxBoxCountsDto | undefined;
  filters: BoxFilters;
  onFilters: (filters: BoxFilters) => void;
  processes: ProcessSummaryDto[];
}) {
  const { t } = useTranslation();
  const text = useLocalText();
  const range: [Dayjs, Dayjs] | null =
    filters.from && filters.to ? [dayjs(filters.from, DAY), dayjs(filters.to, DAY)] : null;
  return (
    <Flex vertical gap={8}>
      <div style={{ overflowX: 'auto' }}>
        <Segmented<InboxBoxName>
          value={box}
          onChange={onBox}
          data-testid="inbox-boxes"
          aria-label={t('boxes.label')}
          options={INBOX_BOX_NAMES.map((name) => ({
            value: name,
            label: (
              <span data-testid={`box-${name}`}>
                {t(`boxes.${name}`)} {boxes?.[name] ?? ''}
                {name === 'cc' && (boxes?.ccUnread ?? 0) > 0 && (
                  // The count animates digit by digit; the wrapper carries the settled number.
                  <span data-testid="cc-unread" data-count={String(boxes?.ccUnread)}>
                    <Badge
                      count={boxes?.ccUnread}
                      size="small"
                      style={{ marginInlineStart: 4 }}
                      title={t('boxes.unread', { count: boxes?.ccUnread })}
                    />
                  </span>
                )}
              </span>
            ),
          }))}
        />
      </div>
      <Flex gap={8} wrap>
        <Input.Search
          allowClear
          placeholder={t('boxes.search')}
          aria-label={t('boxes.search')}
          defaultValue={filters.q}
          onSearch={(q) => onFilters({ ...filters, q: q.trim() || undefined })}
          style={{ flex: '1 1 200px', maxWidth: 320 }}
          data-testid="inbox-search"
        />
        <DatePicker.RangePicker
          value={range}
          allowClear
          aria-label={t('boxes.dateRange')}
          placeholder={[t('boxes.from'), t('boxes.to')]}
          onChange={(days) =>
            onFilters({
              ...filters,
              from: days?.[0]?.format(DAY) ?? undefined,
              to: days?.[1]?.format(DAY) ?? undefined,
            })
          }
          style={{ flex: '1 1 220px', maxWidth: 320 }}
          data-testid="inbox-dates"
        />
        <Select
          allowClear
          placeholder={t('filters.all')}
          aria-label={t('filters.process')}
          value={filters.process}
          onChange={(process) => onFilters({ ...filters, process })}
          style={{ flex: '1 1 200px', maxWidth: 320 }}
          options={processes.map((p) => ({ value: p.key, label: text(p.name) }))}
        />
      </Flex>
    </Flex>
  );
}
