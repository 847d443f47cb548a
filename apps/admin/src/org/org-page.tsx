import { useQuery } from '@tanstack/react-query';
import { ProblemAlert } from '@unionflow/ui';
import { Alert, Button, Card, Descriptions, Empty, Flex, Spin, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgApi } from './org-api';
import { buildOrgTree } from './org-tree';
import { type UnitAction, UnitDialog } from './unit-dialog';
import { ORG_KEYS } from './use-admin-write';

/** 组织架构: the admin's part of the org tree; the selected unit can get a sub-unit, a new name or parent. */
export function OrgPage() {
  const { t } = useTranslation();
  const tree = useQuery({ queryKey: ORG_KEYS.tree, queryFn: orgApi.tree });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [action, setAction] = useState<UnitAction | null>(null);

  const units = tree.data?.units ?? [];
  const nodes = useMemo(
    () => (tree.data ? buildOrgTree(tree.data.units, tree.data.rootId) : []),
    [tree.data],
  );
  const selected = units.find((u) => u.id === (selectedId ?? tree.data?.rootId)) ?? null;
  // Everything starts open (org trees are shallow); units added later open too.
  const expandedKeys = units.map((u) => u.id).filter((id) => !collapsed.has(id));
  const isScopeRoot = selected?.id === tree.data?.rootId;

  return (
    <Card title={t('admin.org.title')} size="small">
      {tree.isPending && <Spin />}
      {tree.error ? <ProblemAlert error={tree.error} onRetry={() => void tree.refetch()} /> : null}
      {tree.data && (
        <Flex gap={16} wrap align="start">
          <div style={{ flex: '1 1 260px', minWidth: 0 }} data-testid="org-tree">
            <Tree
              treeData={nodes}
              blockNode
              expandedKeys={expandedKeys}
              onExpand={(keys) => {
                const open = new Set(keys.map(String));
                setCollapsed(new Set(units.map((u) => u.id).filter((id) => !open.has(id))));
              }}
              selectedKeys={selected ? [selected.id] : []}
              onSelect={(keys) => keys[0] !== undefined && setSelectedId(String(keys[0]))}
              titleRender={(node) => (
                <span data-testid="org-node" data-org-id={node.key}>
                  {node.title}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    ({node.unit.activeUsers})
                  </Typography.Text>
                </span>
              )}
            />
          </div>
          <div style={{ flex: '1 1 240px', minWidth: 0 }}>
            {selected ? (
              <Flex vertical gap={12}>
                <Descriptions
                  size="small"
                  column={1}
                  bordered
                  items={[
                    { key: 'name', label: t('admin.org.name'), children: selected.name },
                    {
                      key: 'level',
                      label: t('admin.org.level'),
                      children: t(`admin.org.levels.${selected.level}`, { defaultValue: selected.level }),
                    },
                    {
                      key: 'parent',
                      label: t('admin.org.parent'),
                      children: units.find((u) => u.id === selected.parentId)?.name ?? '—',
                    },
                    {
                      key: 'users',
                      label: t('admin.users.title'),
                      children: t('admin.org.activeUsers', { count: selected.activeUsers }),
                    },
                  ]}
                />
                <Flex gap={8} wrap>
                  <Button type="primary" onClick={() => setAction('add')} data-testid="org-add">
                    {t('admin.org.add')}
                  </Button>
                  <Button onClick={() => setAction('rename')} data-testid="org-rename">
                    {t('admin.org.rename')}
                  </Button>
                  <Button onClick={() => setAction('move')} disabled={isScopeRoot} data-testid="org-move">
                    {t('admin.org.move')}
                  </Button>
                </Flex>
                {isScopeRoot && <Alert type="info" title={t('admin.org.rootFixed')} />}
              </Flex>
            ) : (
              <Empty description={t('admin.org.hint')} />
            )}
          </div>
        </Flex>
      )}
      {action && selected && tree.data && (
        <UnitDialog
          action={action}
          unit={selected}
          units={units}
          tree={nodes}
          onClose={() => setAction(null)}
        />
      )}
    </Card>
  );
}
