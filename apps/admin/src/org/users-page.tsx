import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AdminUserDto, UserListParams } from '@unionflow/contracts';
import { api, ProblemAlert, ToneTag, useLocalText } from '@unionflow/ui';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgApi } from './org-api';
import { buildOrgTree } from './org-tree';
import { ORG_KEYS, useAdminWrite } from './use-admin-write';
import { UserDrawer } from './user-drawer';

type Filters = Pick<UserListParams, 'q' | 'orgId' | 'status'>;
const PAGE = 20;

/** 用户: search the admin's users, create and edit them, deactivate and reactivate. */
export function UsersPage() {
  const { t } = useTranslation();
  const text = useLocalText();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({ status: 'all' });
  const [editing, setEditing] = useState<AdminUserDto | 'new' | null>(null);
  // The shell's cached user: an admin cannot deactivate themselves, so they get no button for it.
  const me = useQuery({ queryKey: ['me'], queryFn: () => api.me(), staleTime: 5 * 60_000 });
  const tree = useQuery({ queryKey: ORG_KEYS.tree, queryFn: orgApi.tree });
  const roles = useQuery({ queryKey: ORG_KEYS.roles, queryFn: orgApi.roles });
  const list = useInfiniteQuery({
    queryKey: [...ORG_KEYS.users, filters],
    queryFn: ({ pageParam }) => orgApi.users({ ...filters, cursor: pageParam ?? undefined, limit: PAGE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const setActive = useAdminWrite((u: { username: string; version: number; active: boolean }, key: string) =>
    orgApi.setActive(u.username, u.version, u.active, key),
  );

  const nodes = useMemo(
    () => (tree.data ? buildOrgTree(tree.data.units, tree.data.rootId) : []),
    [tree.data],
  );
  const roleName = useMemo(() => {
    const names = new Map((roles.data ?? []).map((r) => [r.key, text(r.name)]));
    return (key: string) => names.get(key) ?? key;
  }, [roles.data, text]);
  const users = list.data?.pages.flatMap((p) => p.items) ?? [];

  const toggle = (u: AdminUserDto) =>
    setActive.mutate(
      { username: u.username, version: u.version, active: !u.active },
      {
        onSuccess: (r) => {
          message.success(
            t(`admin.users.${u.active ? 'deactivated' : 'reactivated'}`, { name: u.displayName }),
          );
          if (!u.active || r.openTasks === 0) return;
          message.warning(t('admin.users.openTasks', { name: u.displayName, count: r.openTasks }), 8);
        },
      },
    );

  const columns: TableColumnsType<AdminUserDto> = [
    {
      key: 'user',
      title: t('admin.users.columns.displayName'),
      render: (_, u) => (
        <div style={{ minWidth: 0 }}>
          <div style={{ fontWeight: 500 }}>{u.displayName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
            {u.username}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'org', title: t('admin.users.columns.org'), render: (_, u) => u.org.name, responsive: ['sm'] },
    {
      key: 'superior',
      title: t('admin.users.superior'),
      responsive: ['lg'],
      render: (_, u) => u.superior?.displayName ?? '—',
    },
    {
      key: 'roles',
      title: t('admin.users.columns.roles'),
      responsive: ['md'],
      render: (_, u) => (
        <Flex gap={4} wrap>
          {u.roles.map((r) => (
            <ToneTag key={r} tone="blue">
              {roleName(r)}
            </ToneTag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('admin.users.columns.status'),
      render: (_, u) =>
        u.active ? (
          <ToneTag tone="green">{t('admin.users.status.active')}</ToneTag>
        ) : (
          <ToneTag tone="red">{t('admin.users.status.inactive')}</ToneTag>
        ),
    },
    {
      key: 'actions',
      title: '',
      render: (_, u) => (
        <Flex gap={4} wrap justify="end">
          <Button size="small" onClick={() => setEditing(u)} data-testid="user-edit">
            {t('admin.users.edit')}
          </Button>
          {u.id !== me.data?.user.id && (
            <Popconfirm
              title={t(`admin.users.${u.active ? 'confirmDeactivate' : 'confirmReactivate'}`, {
                name: u.displayName,
              })}
              onConfirm={() => toggle(u)}
              okButtonProps={{ danger: u.active, 'data-testid': 'user-toggle-confirm' }}
            >
              <Button size="small" danger={u.active} data-testid="user-toggle">
                {t(`admin.users.${u.active ? 'deactivate' : 'reactivate'}`)}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      title={t('admin.users.title')}
      size="small"
      extra={
        <Button type="primary" onClick={() => setEditing('new')} data-testid="user-create">
          {t('admin.users.create')}
        </Button>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('admin.users.search')}
          aria-label={t('admin.users.search')}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
          style={{ flex: '1 1 200px' }}
          data-testid="user-search"
        />
        <TreeSelect
          allowClear
          placeholder={t('admin.users.allOrgs')}
          aria-label={t('admin.users.allOrgs')}
          treeData={nodes}
          treeDefaultExpandAll
          value={filters.orgId}
          onChange={(orgId?: string) => setFilters((f) => ({ ...f, orgId }))}
          style={{ flex: '1 1 180px' }}
        />
        <Select
          aria-label={t('admin.users.columns.status')}
          value={filters.status}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
          options={(['all', 'active', 'inactive'] as const).map((s) => ({
            value: s,
            label: t(`admin.users.status.${s}`),
          }))}
          style={{ flex: '0 0 120px' }}
        />
      </Flex>
      {list.error ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {setActive.error ? <ProblemAlert error={setActive.error} /> : null}
      <Table<AdminUserDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={users}
        loading={list.isPending}
        pagination={false}
        locale={{ emptyText: t('admin.users.empty') }}
        onRow={(u) => ({ 'data-testid': 'user-row', 'data-username': u.username }) as object}
      />
      {list.hasNextPage && (
        <Button
          block
          style={{ marginTop: 12 }}
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('admin.users.loadMore')}
        </Button>
      )}
      {editing && (
        <UserDrawer
          user={editing === 'new' ? null : editing}
          tree={nodes}
          roles={roles.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
