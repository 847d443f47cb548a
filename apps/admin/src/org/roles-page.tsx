import { useQuery } from '@tanstack/react-query';
import { ProblemAlert, ToneTag, useLocalText } from '@unionflow/ui';
import { Alert, Card, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgApi } from './org-api';
import { ORG_KEYS } from './use-admin-write';

/** 角色: every role an admin may grant, what it is for, and how many active users hold it. */
export function RolesPage() {
  const { t } = useTranslation();
  const text = useLocalText();
  const roles = useQuery({ queryKey: ORG_KEYS.roles, queryFn: orgApi.roles });
  return (
    <Card title={t('admin.roles.title')} size="small">
      <Alert type="info" title={t('admin.roles.intro')} style={{ marginBottom: 12 }} />
      {roles.error ? <ProblemAlert error={roles.error} onRetry={() => void roles.refetch()} /> : null}
      <List
        loading={roles.isPending}
        dataSource={roles.data ?? []}
        renderItem={(r) => (
          <List.Item key={r.key} data-testid="role-row" data-role={r.key}>
            <Flex justify="space-between" align="start" gap={8} wrap style={{ width: '100%' }}>
              <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                <div style={{ fontWeight: 500 }}>
                  {text(r.name)}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.key}
                  </Typography.Text>
                </div>
                <Typography.Text type="secondary">{text(r.description)}</Typography.Text>
              </div>
              <Flex gap={4}>
                {!r.builtIn && <ToneTag tone="amber">{t('admin.roles.custom')}</ToneTag>}
                <ToneTag tone="blue" data-testid="role-members">
                  {t('admin.roles.members', { count: r.memberCount })}
                </ToneTag>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
