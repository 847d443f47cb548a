import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AuditEntryDto, AuditQueryParams } from '@unionflow/contracts';
import { DateTime, ExportButton, formatDateTime, ProblemAlert } from '@unionflow/ui';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { langOf, roleName } from '../designer/vocabulary-names';
import { orgApi } from '../org/org-api';
import { ORG_KEYS } from '../org/use-admin-write';
import { AuditPage } from '../pages/audit-page';
import { AuditDetail } from './audit-detail';
import { AUDIT_TYPES, shanghaiDayRange, summarizePayload } from './audit-format';

type Filters = Pick<AuditQueryParams, 'caseId' | 'actor' | 'type' | 'from' | 'to'>;

interface FilterValues {
  caseId?: string;
  actor?: string;
  type?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toFilters(v: FilterValues): Filters {
  const [start, end] = v.range ?? [null, null];
  const range = start && end ? shanghaiDayRange(start.format('YYYY-MM-DD'), end.format('YYYY-MM-DD')) : {};
  return {
    caseId: v.caseId?.trim() || undefined,
    actor: v.actor?.trim() || undefined,
    type: v.type || undefined,
    ...range,
  };
}

// Words of a process's status in `definition-*` events, shown translated.
const STATUS_WORDS = new Set(['published', 'retired']);

/** 审计日志: the filterable log of the caller's units, newest first, and the hash chain check. */
export function AuditLogPage({ isAdmin }: { isAdmin: boolean }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  // Unit names for admin changes; auditors, who may not list units, see the ids.
  const tree = useQuery({ queryKey: ORG_KEYS.tree, queryFn: orgApi.tree, enabled: isAdmin });
  const log = useInfiniteQuery({
    queryKey: [...ORG_KEYS.audit, filters],
    queryFn: ({ pageParam }) => orgApi.audit({ ...filters, cursor: pageParam ?? undefined, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const names = useMemo(() => {
    const byId = new Map((tree.data?.units ?? []).map((u) => [u.id, u.name]));
    return (id: string) => byId.get(id) ?? (STATUS_WORDS.has(id) ? t(`admin.auditLog.values.${id}`) : id);
  }, [tree.data, t]);
  const typeLabel = (type: string) =>
    t(`admin.auditTypes.${type}`, { defaultValue: t(`timeline.${type}`, { defaultValue: type }) });
  const label = (field: string) => t(`admin.auditLog.fields.${field}`, { defaultValue: field });
  const lang = langOf(i18n.language);
  // Roles by their names, times in Beijing time (the summary's default), as the page says above.
  const text = {
    names,
    label,
    role: (key: string) => roleName(key, lang),
    time: (iso: string) => formatDateTime(iso),
  };
  const events = log.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: TableColumnsType<AuditEntryDto> = [
    {
      key: 'at',
      title: t('admin.auditLog.columns.at'),
      render: (_, e) => <DateTime value={e.at} />,
      width: 140,
    },
    {
      key: 'event',
      title: t('admin.auditLog.columns.type'),
      render: (_, e) => (
        <div style={{ minWidth: 0 }}>
          <div style={{ fontWeight: 500 }}>{typeLabel(e.type)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
            {e.actor ? `${e.actor.displayName} (${e.actor.username})` : t('admin.auditLog.system')}
            {e.caseNumber ? ` · ${e.caseNumber}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'detail',
      title: t('admin.auditLog.columns.detail'),
      responsive: ['md'],
      render: (_, e) => <span style={{ overflowWrap: 'anywhere' }}>{summarizePayload(e.payload, text)}</span>,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <AuditPage />
      <Card
        title={t('admin.auditLog.title')}
        size="small"
        extra={<ExportButton path="/api/audit/export" query={filters} testId="export-audit" />}
      >
        <Form<FilterValues>
          form={form}
          layout="vertical"
          name="audit-filter"
          onFinish={(v) => setFilters(toFilters(v))}
          style={{ marginBottom: 8 }}
        >
          <Flex gap={8} wrap align="end">
            <Form.Item
              name="caseId"
              label={t('admin.auditLog.caseId')}
              style={{ flex: '1 1 160px', margin: 0 }}
            >
              <Input allowClear maxLength={64} />
            </Form.Item>
            <Form.Item
              name="actor"
              label={t('admin.auditLog.actor')}
              style={{ flex: '1 1 140px', margin: 0 }}
            >
              <Input allowClear autoCapitalize="none" maxLength={64} />
            </Form.Item>
            <Form.Item name="type" label={t('admin.auditLog.type')} style={{ flex: '1 1 160px', margin: 0 }}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={AUDIT_TYPES.map((type) => ({ value: type, label: typeLabel(type) }))}
              />
            </Form.Item>
            <Form.Item
              name="range"
              label={t('admin.auditLog.range')}
              style={{ flex: '1 1 240px', margin: 0 }}
            >
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" data-testid="audit-search">
                {t('admin.auditLog.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                {t('admin.auditLog.reset')}
              </Button>
            </Flex>
          </Flex>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('admin.auditLog.timeZone')}
        </Typography.Paragraph>
        {log.error ? <ProblemAlert error={log.error} onRetry={() => void log.refetch()} /> : null}
        <Table<AuditEntryDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={events}
          loading={log.isPending}
          pagination={false}
          locale={{ emptyText: t('admin.auditLog.empty') }}
          onRow={(e) => ({ 'data-testid': 'audit-row', 'data-type': e.type }) as object}
          expandable={{
            expandedRowRender: (e) => <AuditDetail entry={e} text={text} />,
          }}
        />
        {log.hasNextPage && (
          <Button
            block
            style={{ marginTop: 12 }}
            loading={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {t('admin.auditLog.loadMore')}
          </Button>
        )}
      </Card>
    </Flex>
  );
}
