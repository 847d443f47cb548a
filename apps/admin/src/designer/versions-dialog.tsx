import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VersionSummaryDto } from '@unionflow/contracts';
import { describeDefinitionChanges } from '@unionflow/contracts/vocabulary';
import type { ProcessDefinition } from '@unionflow/process-model';
import { adminApi, DateTime, newIdempotencyKey, ProblemAlert, ToneTag, useLocalText } from '@unionflow/ui';
import { Button, Empty, Flex, List, Modal, Popconfirm, Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgApi } from '../org/org-api';
import { ORG_KEYS } from '../org/use-admin-write';

/** What the diff compares: the draft being edited, or a published version. */
type Side = 'draft' | number;

/** The changes from `before` to `after` in sentences, roles by their names. */
function ChangeList({ before, after }: { before: ProcessDefinition; after: ProcessDefinition }) {
  const { t, i18n } = useTranslation();
  const text = useLocalText();
  const roles = useQuery({ queryKey: ORG_KEYS.roles, queryFn: orgApi.roles });
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const lines = useMemo(() => {
    const byKey = new Map((roles.data ?? []).map((r) => [r.key, r.name]));
    const role = (code: string) => {
      const name = byKey.get(code);
      return name ? text(name) : code;
    };
    return describeDefinitionChanges(before, after, lang, { role });
  }, [before, after, lang, roles.data, text]);
  if (lines.length === 0) return <Typography.Text>{t('admin.versions.same')}</Typography.Text>;
  return (
    <ul data-testid="version-diff" style={{ margin: 0, paddingInlineStart: 20 }}>
      {lines.map((line) => (
        <li key={line} style={{ overflowWrap: 'anywhere' }}>
          {line}
        </li>
      ))}
    </ul>
  );
}

/** The document of one side: the draft as edited, or a published version (loaded when picked). */
function useSide(key: string, side: Side, draft: ProcessDefinition, open: boolean) {
  const query = useQuery({
    queryKey: ['admin', 'version', key, side],
    queryFn: () => adminApi.version(key, side as number),
    enabled: open && side !== 'draft',
  });
  if (side === 'draft') return { doc: draft, pending: false, error: null };
  return {
    doc: query.data?.document as unknown as ProcessDefinition | undefined,
    pending: query.isPending,
    error: query.error,
  };
}

function VersionLine({ v }: { v: VersionSummaryDto }) {
  const { t } = useTranslation();
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{t('admin.versions.version', { version: v.version })}</Typography.Text>
        {v.current && (
          <ToneTag tone="green" data-testid="version-current">
            {t('admin.versions.current')}
          </ToneTag>
        )}
        {v.restoredFrom ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('admin.versions.restoredFrom', { version: v.restoredFrom })}
          </Typography.Text>
        ) : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <DateTime value={v.publishedAt} /> ·{' '}
        {v.publishedByName ?? v.publishedBy ?? t('admin.versions.system')} ·{' '}
        {t('admin.versions.running', { count: v.runningCases })}
      </Typography.Text>
    </Flex>
  );
}

/**
 * 版本与差异: published versions (the one in force marked, who published each and when), the changes
 * between any two of them or the draft in words, and restoring an old version as a new one.
 */
export function VersionsDialog({
  open,
  onClose,
  def,
}: {
  open: boolean;
  onClose: () => void;
  def: ProcessDefinition;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [before, setBefore] = useState<Side | null>(null);
  const [afterChoice, setAfter] = useState<Side | null>(null);
  const versions = useQuery({
    queryKey: ['admin', 'versions', def.key],
    queryFn: () => adminApi.versions(def.key),
    enabled: open,
  });
  const latest = versions.data?.[0]?.version;
  const previous = versions.data?.[1]?.version;
  // By default: what the last publish changed, or with one version, what the draft changes.
  const from = before ?? previous ?? latest ?? 'draft';
  const after = afterChoice ?? (previous !== undefined && latest !== undefined ? latest : 'draft');
  const left = useSide(def.key, from, def, open);
  const right = useSide(def.key, after, def, open);
  const restore = useMutation({
    mutationFn: (version: number) => adminApi.restore(def.key, version, latest ?? 0, newIdempotencyKey()),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['admin'] }),
  });
  const options = [
    { value: 'draft' as Side, label: t('admin.versions.draft') },
    ...(versions.data ?? []).map((v) => ({
      value: v.version as Side,
      label: t('admin.versions.version', { version: v.version }),
    })),
  ];
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('admin.versions.title')} width={680}>
      {versions.isPending && <Spin />}
      {versions.error && <ProblemAlert error={versions.error} />}
      {versions.data?.length === 0 && <Empty />}
      <List
        dataSource={versions.data ?? []}
        renderItem={(v) => (
          <List.Item
            key={v.version}
            data-testid="version-row"
            data-version={v.version}
            actions={
              v.version === latest
                ? []
                : [
                    <Popconfirm
                      key="restore"
                      title={t('admin.versions.restoreConfirm', {
                        version: v.version,
                        next: (latest ?? 0) + 1,
                      })}
                      onConfirm={() => restore.mutate(v.version)}
                    >
                      <Button size="small" loading={restore.isPending && restore.variables === v.version}>
                        {t('admin.versions.restore')}
                      </Button>
                    </Popconfirm>,
                  ]
            }
          >
            <VersionLine v={v} />
          </List.Item>
        )}
      />
      {restore.error ? <ProblemAlert error={restore.error} /> : null}
      {restore.data ? (
        <Typography.Paragraph type="success" data-testid="version-restored">
          {t('admin.versions.restored', { version: restore.data.restoredFrom, next: restore.data.version })}
        </Typography.Paragraph>
      ) : null}
      {(versions.data?.length ?? 0) > 0 && (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{t('admin.versions.compare')}</Typography.Text>
            <Select<Side>
              aria-label={t('admin.versions.from')}
              data-testid="diff-from"
              value={from}
              onChange={setBefore}
              options={options}
              style={{ minWidth: 120 }}
            />
            <span>→</span>
            <Select<Side>
              aria-label={t('admin.versions.to')}
              data-testid="diff-to"
              value={after}
              onChange={setAfter}
              options={options}
              style={{ minWidth: 120 }}
            />
          </Flex>
          {(left.pending || right.pending) && <Spin />}
          {left.error ? <ProblemAlert error={left.error} /> : null}
          {right.error ? <ProblemAlert error={right.error} /> : null}
          {left.doc && right.doc && <ChangeList before={left.doc} after={right.doc} />}
        </Flex>
      )}
    </Modal>
  );
}
