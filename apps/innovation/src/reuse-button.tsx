import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ActionKeys, ApiError, api, type LibraryEntryDto, ProblemAlert } from '@unionflow/ui';
import { App, Button, Input, Modal, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const NOTE_MAX = 500;

/**
 * 借鉴共享: how often a result was reused, and a member's record that their team put it to use, with an
 * optional note on where. Once per member and result; the author cannot record their own.
 */
export function ReuseButton({ entry, viewerId }: { entry: LibraryEntryDto; viewerId: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  // One key per distinct record, so a retried click after a lost answer is not counted twice.
  const keys = useRef(new ActionKeys());
  const send = useMutation({
    mutationFn: () => {
      const body = note.trim() ? { note: note.trim() } : {};
      return api.recordReuse(entry.caseId, body, keys.current.keyFor(JSON.stringify([entry.caseId, body])));
    },
    onSuccess: () => {
      keys.current.settle();
      message.success(t('innovation.reuse.recorded'));
      setOpen(false);
      void client.invalidateQueries({ queryKey: ['library'] });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) keys.current.settle();
    },
  });
  const own = viewerId !== undefined && entry.author.id === viewerId;
  return (
    <>
      {entry.reuses > 0 && (
        <Tag data-testid="library-reuses">{t('innovation.reuse.count', { count: entry.reuses })}</Tag>
      )}
      {entry.reusedByMe ? (
        <Tag color="green">{t('innovation.reuse.mine')}</Tag>
      ) : own ? null : (
        <Button size="small" onClick={() => setOpen(true)} data-testid="library-reuse">
          {t('innovation.reuse.action')}
        </Button>
      )}
      <Modal
        open={open}
        title={`${t('innovation.reuse.action')} · ${entry.title}`}
        okText={t('innovation.reuse.submit')}
        onOk={() => send.mutate()}
        confirmLoading={send.isPending}
        onCancel={() => {
          send.reset();
          setOpen(false);
        }}
        destroyOnHidden
      >
        {send.error ? <ProblemAlert error={send.error} /> : null}
        <Input.TextArea
          rows={3}
          maxLength={NOTE_MAX}
          showCount
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('innovation.reuse.notePlaceholder')}
          aria-label={t('innovation.reuse.notePlaceholder')}
        />
      </Modal>
    </>
  );
}
