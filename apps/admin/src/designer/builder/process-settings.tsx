import { BUILT_IN_ROLES } from '@unionflow/domain/names';
import type { ProcessDefinition } from '@unionflow/process-model';
import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { langOf, roleName } from '../vocabulary-names';
import { type DefinitionEditorProps, EditorDrawer } from './editor-drawer';
import { NEW_PROCESS_DEPARTMENTS } from './new-process';
import { templateToWords, titleWords, wordsToTemplate } from './title-words';

interface SettingsValues {
  name: { zh: string; en?: string };
  department: string;
  starterRoles: string[];
  sensitiveViewerRoles: string[];
  /** The title template in words ({职工姓名}·{争议类型}). */
  titleTemplate: string;
}

/** Every declared role, then any other role the definition already names (kept, shown by its key). */
function roleChoices(used: string[], lang: 'zh' | 'en') {
  const keys = [...new Set([...BUILT_IN_ROLES.map((r) => r.key), ...used])];
  return keys.map((key) => ({ value: key, label: roleName(key, lang) }));
}

/** The process's own settings: its name, department, who may start it and who sees sensitive data. */
export function ProcessSettings({ open, def, onChange, onClose }: DefinitionEditorProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [form] = Form.useForm<SettingsValues>();
  const words = titleWords(def, lang);
  // biome-ignore lint/correctness/useExhaustiveDependencies: filled when the drawer opens; edits flow out
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        name: { zh: def.name.zh, en: def.name.en },
        department: def.department,
        starterRoles: def.starterRoles ?? [],
        sensitiveViewerRoles: def.sensitiveViewerRoles ?? [],
        titleTemplate: def.titleTemplate ? templateToWords(def.titleTemplate, words) : '',
      });
  }, [open]);

  const apply = () => {
    const v = form.getFieldsValue(true) as SettingsValues;
    const next: ProcessDefinition = {
      ...def,
      name: v.name.en?.trim() ? { zh: v.name.zh, en: v.name.en.trim() } : { zh: v.name.zh },
      department: v.department,
    };
    if (v.starterRoles?.length) next.starterRoles = v.starterRoles;
    else delete next.starterRoles;
    if (v.sensitiveViewerRoles?.length) next.sensitiveViewerRoles = v.sensitiveViewerRoles;
    else delete next.sensitiveViewerRoles;
    const title = v.titleTemplate?.trim();
    if (title) next.titleTemplate = wordsToTemplate(title, words);
    else delete next.titleTemplate;
    onChange(next);
  };
  const departments = [...new Set([...NEW_PROCESS_DEPARTMENTS, def.department])];
  const insertWord = (label: string) => {
    const current = String(form.getFieldValue('titleTemplate') ?? '');
    form.setFieldValue('titleTemplate', current ? `${current}·{${label}}` : `{${label}}`);
    apply();
  };

  return (
    <EditorDrawer
      open={open}
      onClose={onClose}
      title={t('builder.settings.title')}
      width={480}
      doneTestId="settings-done"
    >
      <Form form={form} layout="vertical" name="process-settings" onValuesChange={apply}>
        <Form.Item name={['name', 'zh']} label={t('builder.settings.nameZh')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name={['name', 'en']} label={t('builder.settings.nameEn')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="department" label={t('builder.settings.department')}>
          <Select
            options={departments.map((d) => ({
              value: d,
              label: t(`nav.remotes.${d}`, { defaultValue: d }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="starterRoles"
          label={t('builder.settings.starterRoles')}
          extra={t('builder.settings.starterRolesHelp')}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={roleChoices(def.starterRoles ?? [], lang)}
          />
        </Form.Item>
        <Form.Item
          name="sensitiveViewerRoles"
          label={t('builder.settings.sensitiveViewerRoles')}
          extra={t('builder.settings.sensitiveViewerRolesHelp')}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={roleChoices(def.sensitiveViewerRoles ?? [], lang)}
          />
        </Form.Item>
        <Form.Item
          name="titleTemplate"
          label={t('builder.settings.titleTemplate')}
          extra={t('builder.settings.titleTemplateHelp')}
        >
          <Input maxLength={200} placeholder={t('builder.settings.titleTemplatePlaceholder')} />
        </Form.Item>
        <Select
          data-testid="title-template-insert"
          value={null}
          placeholder={t('builder.settings.titleTemplateInsert')}
          style={{ width: '100%' }}
          options={words.map((w) => ({ value: w.label, label: w.label }))}
          onChange={(label: string) => insertWord(label)}
        />
      </Form>
    </EditorDrawer>
  );
}
