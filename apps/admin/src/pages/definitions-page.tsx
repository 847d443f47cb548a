import { useQuery } from '@tanstack/react-query';
import { adminApi, DateTime, ProblemAlert, useLocalText } from '@unionflow/ui';
import { Button, Card, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Every process with its current version, draft state and running cases; each opens the designer. */
export function DefinitionsPage({ basePath }: { basePath: string }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const list = useQuery({ queryKey: ['admin', 'definitions'], queryFn: adminApi.definitions });
  return (
    <Card title={t('admin.definitions')} size="small" styles={{ body: { padding: 0 } }}>
      {list.isPending && (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      )}
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
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
                  </Typography.Text>
                  <div>
                    {d.draftChanged && <Tag>{t('admin.draftChanged')}</Tag>}
                    {running > 0 && <Tag>{t('admin.running', { count: running })}</Tag>}
                  </div>
                </div>
                <Link to={`${basePath}/definitions/${encodeURIComponent(d.key)}`}>
                  <Button type="primary" data-testid={`design-${d.key}`}>
                    {t('admin.design')}
                  </Button>
                </Link>
              </Flex>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
