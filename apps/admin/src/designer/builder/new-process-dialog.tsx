import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminApi, ProblemAlert } from '@unionflow/ui';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { blankDefinition, deriveProcessKey, NEW_PROCESS_DEPARTMENTS } from './new-process';

interface NewProcessValues {
  nameZh: string;
  nameEn?: string;
  department: string;
}

/**
 * 新建流程: asks for a name and a department, creates the draft under a key made from them (the
 * server refuses a key already taken, so nothing is overwritten) and opens it in the designer.
 */
export function NewProcessButton({ basePath }: { basePath: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewProcessValues>();
  const create = useMutation({
    mutationFn: async (v: NewProcessValues) => {
      const name = { zh: v.nameZh.trim(), ...(v.nameEn?.trim() ? { en: v.nameEn.trim() } : {}) };
      const key = deriveProcessKey(name.en);
      const document = blankDefinition(key, name, v.department);
      await adminApi.saveDraft(key, {
        document: document as unknown as Record<string, unknown>,
        create: true,
      });
      return { key, name };
    },
    onSuccess: ({ key, name }) => {
      void client.invalidateQueries({ queryKey: ['admin', 'definitions'] });
      message.success(t('builder.newProcess.created', { name: name.zh }));
      setOpen(false);
      void navigate(`${basePath}/definitions/${encodeURIComponent(key)}`);
    },
  });

  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => {
          form.resetFields();
          create.reset();
          setOpen(true);
        }}
        data-testid="new-process"
      >
        {t('builder.newProcess.button')}
      </Button>
      <Modal
        open={open}
        title={t('builder.newProcess.title')}
        okText={t('builder.newProcess.create')}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        okButtonProps={{ 'data-testid': 'new-process-ok' }}
        destroyOnHidden
      >
        <Form<NewProcessValues>
          form={form}
          layout="vertical"
          name="new-process"
          initialValues={{ department: NEW_PROCESS_DEPARTMENTS[0] }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item
            name="nameZh"
            label={t('builder.newProcess.nameZh')}
            rules={[{ required: true, whitespace: true, message: t('builder.newProcess.nameRequired') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('builder.newProcess.nameEn')}
            extra={t('builder.newProcess.nameEnHelp')}
          >
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="department" label={t('builder.newProcess.department')}>
            <Select
              options={NEW_PROCESS_DEPARTMENTS.map((d) => ({ value: d, label: t(`nav.remotes.${d}`) }))}
            />
          </Form.Item>
          {create.error ? <ProblemAlert error={create.error} /> : null}
        </Form>
      </Modal>
    </>
  );
}
