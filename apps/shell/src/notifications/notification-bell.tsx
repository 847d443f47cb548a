import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, DateTime, type NotificationDto, newIdempotencyKey, useLocalText } from '@unionflow/ui';
import { Badge, Button, Drawer, Empty, Flex, Grid, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The bell in the header: unread count, the latest notifications, and a way to each case. */
export function NotificationBell() {
  const { t } = useTranslation();
  const text = useLocalText();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  // On a phone the list opens full-screen: a popover anchored at the bell runs off the left edge.
  const phone = Grid.useBreakpoint().md === false;
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.notifications({ limit: 20 }),
    refetchInterval: 60_000,
    retry: false,
  });
  const read = useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      api.markNotificationsRead(body, newIdempotencyKey()),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['notifications'] }),
  });
  if (list.error) return null; // notifications not offered by this gateway
  const unread = list.data?.unread ?? 0;

  // A copy (抄送) is read in 抄送我的 only (ADR 025): the bell does not count it, mark it or bold it.
  const unreadHere = (n: NotificationDto) => !n.readAt && n.type !== 'cc';
  const openItem = (n: NotificationDto) => {
    if (unreadHere(n)) read.mutate({ ids: [n.id] });
    setOpen(false);
    if (n.caseId) void navigate(`/cases/${encodeURIComponent(n.caseId)}`);
  };

  const content = (
    <div style={{ width: phone ? '100%' : 'min(340px, 86vw)' }} data-testid="notifications">
      <Flex justify={phone ? 'flex-end' : 'space-between'} align="center" style={{ marginBottom: 8 }}>
        {!phone && <Typography.Text strong>{t('notifications.title')}</Typography.Text>}
        <Button size="small" type="link" disabled={!unread} onClick={() => read.mutate({ all: true })}>
          {t('notifications.markAll')}
        </Button>
      </Flex>
      {list.data?.items.length ? (
        <List
          size="small"
          style={phone ? undefined : { maxHeight: 360, overflowY: 'auto' }}
          dataSource={list.data.items}
          renderItem={(n) => (
            <List.Item key={n.id} style={{ paddingInline: 0 }}>
              <button
                type="button"
                onClick={() => openItem(n)}
                style={{ all: 'unset', cursor: 'pointer', display: 'block', width: '100%' }}
              >
                <div style={{ fontWeight: unreadHere(n) ? 600 : 400, overflowWrap: 'anywhere' }}>
                  {text(n.message)}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <DateTime value={n.createdAt} />
                </Typography.Text>
              </button>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
    </div>
  );

  const bell = (
    <Badge count={unread} size="small" offset={[-4, 4]}>
      <Button
        type="text"
        icon={<BellOutlined />}
        aria-label={`${t('notifications.title')} ${t('notifications.unread', { count: unread })}`}
        data-testid="notification-bell"
        onClick={phone ? () => setOpen(true) : undefined}
      />
    </Badge>
  );
  if (phone) {
    return (
      <>
        {bell}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="right"
          size="100%"
          title={t('notifications.title')}
          styles={{ body: { paddingTop: 8 } }}
        >
          {content}
        </Drawer>
      </>
    );
  }
  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      {bell}
    </Popover>
  );
}
