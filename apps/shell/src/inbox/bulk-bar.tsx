import type { TaskDto } from '@unionflow/contracts';
import { ToneTag } from '@unionflow/ui';
import { Alert, App, Button, type ButtonProps, Flex, List, Modal, Progress } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approveEach, type BulkResult } from './bulk-approve';

/** Shows the selection and runs a bulk approval, reporting each task's own result. */
export function BulkBar({
  tasks,
  approve,
  onClear,
  onDone,
}: {
  tasks: TaskDto[];
  approve: (taskId: string) => Promise<unknown>;
  onClear: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [running, setRunning] = useState<number | null>(null);
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const total = tasks.length;

  const run = async () => {
    setRunning(0);
    const out = await approveEach(tasks, approve, setRunning);
    setRunning(null);
    setResults(out);
    onDone();
  };

  return (
    <>
      {total > 0 && (
        <Alert
          type="info"
          data-testid="bulk-bar"
          title={
            <Flex gap={8} align="center" wrap>
              <span>{t('bulk.selected', { count: total })}</span>
              {running !== null && (
                <Progress percent={Math.round((running / total) * 100)} size="small" style={{ width: 120 }} />
              )}
              <Button size="small" onClick={onClear} disabled={running !== null}>
                {t('bulk.clear')}
              </Button>
              <Button
                size="small"
                type="primary"
                onClick={() =>
                  modal.confirm({
                    title: t('bulk.confirmTitle'),
                    content: t('bulk.confirm', { count: total }),
                    okText: t('bulk.confirmOk', { count: total }),
                    okButtonProps: { 'data-testid': 'bulk-confirm' } as ButtonProps,
                    onOk: () => void run(),
                  })
                }
                loading={running !== null}
                data-testid="bulk-approve"
              >
                {t('bulk.approve')}
              </Button>
            </Flex>
          }
        />
      )}
      <Modal
        open={results !== null}
        onCancel={() => setResults(null)}
        onOk={() => setResults(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        title={t('bulk.resultTitle')}
      >
        {results && (
          <div data-testid="bulk-results">
            <p>
              {t('bulk.done', {
                ok: results.filter((r) => r.ok).length,
                failed: results.filter((r) => !r.ok).length,
              })}
            </p>
            <List
              size="small"
              dataSource={results}
              renderItem={(r) => (
                <List.Item key={r.taskId}>
                  <span style={{ overflowWrap: 'anywhere' }}>{r.title}</span>
                  {r.ok ? (
                    <ToneTag tone="green">{t('bulk.ok')}</ToneTag>
                  ) : (
                    <ToneTag tone="red">
                      {r.detail === 'needs-form'
                        ? t('bulk.needsForm')
                        : r.detail === 'not-approval'
                          ? t('bulk.notApproval')
                          : (r.detail ?? '')}
                    </ToneTag>
                  )}
                </List.Item>
              )}
            />
          </div>
        )}
      </Modal>
    </>
  );
}
