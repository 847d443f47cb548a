import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { FIELD_TYPES, type FormField } from '@unionflow/process-model';
import { Button, Empty, Flex, List, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { langOf } from '../vocabulary-names';
import { valueText } from './condition-words';
import { type DefinitionEditorProps, EditorDrawer } from './editor-drawer';
import { FieldDialog } from './field-dialog';
import { type FieldFormValues, fromFieldForm, moveField, newFieldKey } from './start-form';

function fieldLine(f: FormField, lang: 'zh' | 'en', t: TFunction): string[] {
  const parts: string[] = [FIELD_TYPES[f.type]?.label[lang] ?? f.type];
  if (f.type === 'select' && f.options?.length)
    parts.push(
      t('builder.form.options', {
        text: f.options.map((o) => (lang === 'en' && o.label.en) || o.label.zh).join('、'),
      }),
    );
  const bound = (b: number | string | undefined) =>
    typeof b === 'number' ? valueText(f, b, lang) : typeof b === 'string' ? '…' : null;
  const [min, max] = [bound(f.min), bound(f.max)];
  if (min || max) parts.push(t('builder.form.bounds', { text: `${min ?? ''} – ${max ?? ''}`.trim() }));
  return parts;
}

/** The start form's editor: the fields in order, each edited in a dialog, moved up or down, removed. */
export function StartFormEditor({ open, def, onChange, onClose }: DefinitionEditorProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  // The field being edited: its index, or 'new'.
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const form = def.form ?? [];
  const current = typeof editing === 'number' ? (form[editing] ?? null) : null;

  const save = (values: FieldFormValues) => {
    if (editing === 'new') {
      onChange({ ...def, form: [...form, fromFieldForm(values, newFieldKey(def))] });
    } else if (current && typeof editing === 'number') {
      const next = [...form];
      next[editing] = fromFieldForm(values, current.key, current);
      onChange({ ...def, form: next });
    }
    setEditing(null);
  };

  return (
    <EditorDrawer
      open={open}
      onClose={onClose}
      title={t('builder.form.title')}
      width={560}
      doneTestId="start-form-done"
    >
      <Typography.Paragraph type="secondary">{t('builder.form.intro')}</Typography.Paragraph>
      {form.length === 0 ? (
        <Empty description={t('builder.form.empty')} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={form}
          renderItem={(f, i) => (
            <List.Item
              data-testid="start-field"
              data-field={f.key}
              actions={[
                <Button
                  key="up"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label={`${t('builder.form.up')} ${f.label.zh}`}
                  disabled={i === 0}
                  onClick={() => onChange({ ...def, form: moveField(form, i, -1) })}
                />,
                <Button
                  key="down"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={`${t('builder.form.down')} ${f.label.zh}`}
                  disabled={i === form.length - 1}
                  onClick={() => onChange({ ...def, form: moveField(form, i, 1) })}
                />,
                <Button
                  key="edit"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={`${t('builder.form.edit')} ${f.label.zh}`}
                  onClick={() => setEditing(i)}
                />,
                <Button
                  key="remove"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t('builder.form.remove')} ${f.label.zh}`}
                  onClick={() => onChange({ ...def, form: form.filter((_, j) => j !== i) })}
                />,
              ]}
            >
              <div style={{ minWidth: 0 }}>
                <Flex gap={4} wrap align="center">
                  <span style={{ fontWeight: 500 }}>{(lang === 'en' && f.label.en) || f.label.zh}</span>
                  {f.required && <Tag color="red">{t('builder.form.required')}</Tag>}
                  {f.sensitive && <Tag color="orange">{t('builder.form.sensitive')}</Tag>}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fieldLine(f, lang, t).join(' · ')}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
      <Button
        icon={<PlusOutlined />}
        block
        style={{ marginTop: 12 }}
        onClick={() => setEditing('new')}
        data-testid="start-field-add"
      >
        {t('builder.form.add')}
      </Button>
      <FieldDialog open={editing !== null} field={current} onOk={save} onCancel={() => setEditing(null)} />
    </EditorDrawer>
  );
}
