import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError, fileUrl, uploadFile } from '@unionflow/ui/core';
import { Button, Flex, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

/**
 * A `file` form field: picks photos or PDFs, uploads each at once and keeps their ids (the value
 * is an array of file ids, as the engine expects). Works as an antd Form.Item child.
 */
export function FileInput({
  id,
  value,
  onChange,
  disabled,
}: {
  id?: string;
  value?: string[] | string;
  onChange?: (ids: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const fallbackId = useId();
  const [names, setNames] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = Array.isArray(value) ? value : value ? [value] : [];

  const pick = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    const added: string[] = [];
    try {
      for (const file of Array.from(files)) {
        const saved = await uploadFile(file);
        added.push(saved.id);
        setNames((n) => ({ ...n, [saved.id]: saved.filename }));
      }
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : String(err));
    } finally {
      setBusy(false);
      if (added.length) onChange?.([...ids, ...added]);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Flex vertical gap={4}>
      <input
        ref={input}
        id={id ?? fallbackId}
        type="file"
        accept={ACCEPT}
        multiple
        disabled={disabled || busy}
        style={{ display: 'none' }}
        onChange={(e) => void pick(e.target.files)}
      />
      <Button
        icon={<UploadOutlined />}
        loading={busy}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {t('form.upload')}
      </Button>
      {ids.map((fid, i) => (
        <Flex key={fid} gap={8} align="center">
          <PaperClipOutlined />
          <a href={fileUrl(fid)} target="_blank" rel="noreferrer">
            {names[fid] ?? t('form.attachment', { n: i + 1 })}
          </a>
          <Button
            type="link"
            size="small"
            disabled={disabled}
            onClick={() => onChange?.(ids.filter((x) => x !== fid))}
          >
            {t('form.remove')}
          </Button>
        </Flex>
      ))}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Flex>
  );
}
