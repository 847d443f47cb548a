import { useQuery } from '@tanstack/react-query';
import type { DefinitionOverviewDto } from '@unionflow/contracts';
import { adminApi, DateTime, ProblemAlert, ToneTag, useLocalText } from '@unionflow/ui';
import { App, Button, Card, Empty, Flex, List, Popconfirm, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NewProcessButton } from '../designer/builder/new-process-dialog';
import { useAdminWrite } from '../org/use-admin-write';

/**
 * Every process the admin manages (owned in their org subtree) with its owner, current version, draft
 * state and running cases; each opens the designer, and a published one can be retired.
 */
export function DefinitionsPage({ basePath }: { basePath: string }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const { message } = App.useApp();
  const list = useQuery({ queryKey: ['admin', 'definitions'], queryFn: adminApi.definitions });
  const retire = useAdminWrite((key: string, idempotencyKey: string) => adminApi.retire(key, idempotencyKey));
  const onRetire = (d: DefinitionOverviewDto) =>
    retire.mutate(d.key, {
      onSuccess: () => message.success(t('admin.retiredDone', { name: text(d.name) })),
    });
  return (
    <Card
      title={t('admin.definitions')}
      size="small"
      styles={{ body: { padding: 0 } }}
      extra={<NewProcessButton basePath={basePath} />}
    >
      {list.isPending && (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      )}
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {retire.error ? <ProblemAlert error={retire.error} /> : null}
      {list.data?.length === 0 && <Empty style={{ padding: 24 }} />}
      <List
        dataSource={list.data ?? []}
        renderItem={(d) => {
          const running = d.runningCases.reduce((n, r) => n + r.count, 0);
          return (
            <List.Item
              key={d.key}
              style={{ paddingInline: 16 }}
              data-testid="definition-row"
              data-key={d.key}
            >
              <Flex justify="space-between" align="center" gap={8} wrap style={{ width: '100%' }}>
                <div style={{ minWidth: 0, flex: '1 1 200px' }}>
                  <div style={{ fontWeight: 500 }}>{text(d.name)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.key} · {t(`nav.remotes.${d.department}`, { defaultValue: d.department })} ·{' '}
                    {d.latestVersion ? `${t('admin.latest')} v${d.latestVersion}` : t('admin.noVersion')}
                    {d.publishedAt ? (
                      <>
                        {' · '}
                        <DateTime value={d.publishedAt} />
                      </>
                    ) : null}
                    {d.owner ? ` · ${t('admin.owner', { name: d.owner.name })}` : null}
                  </Typography.Text>
                  <div>
                    {d.retiredAt && (
                      <ToneTag tone="grey" data-testid="definition-retired">
                        {t('admin.retired')}
                      </ToneTag>
                    )}
                    {d.draftChanged && <Tag>{t('admin.draftChanged')}</Tag>}
                    {running > 0 && <Tag>{t('admin.running', { count: running })}</Tag>}
                  </div>
                </div>
                <Flex gap={8}>
                  {d.latestVersion && !d.retiredAt ? (
                    <Popconfirm
                      title={t('admin.confirmRetire', { name: text(d.name), count: running })}
                      onConfirm={() => onRetire(d)}
                      okButtonProps={{ danger: true, 'data-testid': `retire-confirm-${d.key}` }}
                    >
                      <Button danger loading={retire.isPending} data-testid={`retire-${d.key}`}>
                        {t('admin.retire')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                  <Link to={`${basePath}/definitions/${encodeURIComponent(d.key)}`}>
                    <Button type="primary" data-testid={`design-${d.key}`}>
                      {t('admin.design')}
                    </Button>
                  </Link>
                </Flex>
              </Flex>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
