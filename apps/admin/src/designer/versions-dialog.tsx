import { useQuery } from '@tanstack/react-query';
import type { ProcessDefinition, ProcessNode } from '@unionflow/process-model';
import { adminApi, DateTime, ProblemAlert, ToneTag, useLocalText } from '@unionflow/ui';
import { Button, Empty, Flex, List, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffDefinitions, isEmptyDiff } from './definition-diff';

function DiffView({ before, after }: { before: ProcessDefinition; after: ProcessDefinition }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const diff = diffDefinitions(before, after);
  if (isEmptyDiff(diff)) return <Typography.Text>{t('admin.versions.same')}</Typography.Text>;
  const name = (n: ProcessNode) => `${text(n.name) || n.id} (${n.id})`;
  return (
    <Flex vertical gap={8} data-testid="version-diff">
      {diff.added.length > 0 && (
        <div>
          <Typography.Text strong>{t('admin.versions.added')}</Typography.Text>
          {diff.added.map((n) => (
            <div key={n.id}>
              <ToneTag tone="green">+</ToneTag>
              {name(n)}
            </div>
          ))}
        </div>
      )}
      {diff.removed.length > 0 && (
        <div>
          <Typography.Text strong>{t('admin.versions.removed')}</Typography.Text>
          {diff.removed.map((n) => (
            <div key={n.id}>
              <ToneTag tone="red">−</ToneTag>
              {name(n)}
            </div>
          ))}
        </div>
      )}
      {diff.changed.length > 0 && (
        <div>
          <Typography.Text strong>{t('admin.versions.changed')}</Typography.Text>
          {diff.changed.map((c) => (
            <div key={c.after.id}>
              <ToneTag tone="amber">~</ToneTag>
              {name(c.after)}: {c.fields.join(', ')}
            </div>
          ))}
        </div>
      )}
      {diff.properties.length > 0 && (
        <div>
          <Typography.Text strong>{t('admin.versions.properties')}</Typography.Text>:{' '}
          {diff.properties.join(', ')}
        </div>
      )}
    </Flex>
  );
}

/** Published versions with their running cases; any version can be compared with the draft. */
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
  const [compare, setCompare] = useState<number | null>(null);
  const versions = useQuery({
    queryKey: ['admin', 'versions', def.key],
    queryFn: () => adminApi.versions(def.key),
    enabled: open,
  });
  const doc = useQuery({
    queryKey: ['admin', 'version', def.key, compare],
    queryFn: () => adminApi.version(def.key, compare as number),
    enabled: open && compare !== null,
  });
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('admin.versions.title')} width={640}>
      {versions.isPending && <Spin />}
      {versions.error && <ProblemAlert error={versions.error} />}
      {versions.data?.length === 0 && <Empty />}
      <List
        dataSource={versions.data ?? []}
        renderItem={(v) => (
          <List.Item
            key={v.version}
            actions={[
              <Button
                key="cmp"
                size="small"
                onClick={() => setCompare(v.version)}
                type={compare === v.version ? 'primary' : 'default'}
              >
                {t('admin.versions.compare')}
              </Button>,
            ]}
          >
            <Flex vertical>
              <Typography.Text strong>{t('admin.versions.version', { version: v.version })}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <DateTime value={v.publishedAt} /> · {v.publishedBy ?? '—'} ·{' '}
                {t('admin.versions.running', { count: v.runningCases })}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {compare !== null && doc.isPending && <Spin />}
      {doc.error && <ProblemAlert error={doc.error} />}
      {doc.data && compare !== null && (
        <DiffView before={doc.data.document as unknown as ProcessDefinition} after={def} />
      )}
    </Modal>
  );
}
