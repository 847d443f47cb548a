import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NoticeItemDto } from '@unionflow/contracts';
import { ActionKeys, ApiError, ProblemAlert, useLocalText } from '@unionflow/ui';
import { App, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { noticeApi } from './notice-api';

const REASON_MAX = 500;

/** Objecting to a notice: a reason (required), and whether to stay anonymous. */
export function ObjectionDialog({ notice, onClose }: { notice: NoticeItemDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string; anonymous: boolean }>();
  // One key per distinct objection, so a retried click after a lost answer is not sent twice.
  const keys = useRef(new ActionKeys());
  const send = useMutation({
    mutationFn: (v: { reason: string; anonymous: boolean }) => {
      const body = { reason: v.reason.trim(), anonymous: v.anonymous === true };
      return noticeApi.object(
        notice?.caseId ?? '',
        body,
        keys.current.keyFor(JSON.stringify([notice?.caseId, body])),
      );
    },
    onSuccess: (receipt) => {
      keys.current.settle();
      message.success(t(receipt.anonymous ? 'notices.sentAnonymous' : 'notices.sent'));
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['notices'] });
      onClose();
    },
    onError: (err) => {
      // A refusal is final; a lost answer keeps the key so the retry cannot object twice.
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) keys.current.settle();
    },
  });
  return (
    <Modal
      open={notice !== null}
      title={notice ? `${t('notices.objectTitle')} · ${notice.maskedName}` : ''}
      okText={t('notices.submit')}
      onOk={() => form.submit()}
      confirmLoading={send.isPending}
      onCancel={() => {
        send.reset();
        onClose();
      }}
      destroyOnHidden
      width={520}
    >
      {notice ? (
        <Typography.Paragraph type="secondary">
          {text(notice.title)} · {notice.unit}
        </Typography.Paragraph>
      ) : null}
      {send.error ? (
        <div style={{ marginBottom: 12 }}>
          <ProblemAlert error={send.error} />
        </div>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => send.mutate(v)}
        initialValues={{ anonymous: false }}
      >
        <Form.Item
          name="reason"
          label={t('notices.reason')}
          rules={[
            { required: true, whitespace: true, message: t('notices.reasonRequired') },
            { min: 2, message: t('notices.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={REASON_MAX} showCount data-testid="objection-reason" />
        </Form.Item>
        <Form.Item name="anonymous" valuePropName="checked" extra={t('notices.anonymousHint')}>
          <Checkbox data-testid="objection-anonymous">{t('notices.anonymous')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
