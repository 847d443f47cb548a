import { setLanguage } from '@unionflow/ui';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';

/** 中文 / English toggle, remembered in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented
      size="small"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[
        { label: t('language.zh'), value: 'zh-CN' },
        { label: t('language.en'), value: 'en' },
      ]}
      onChange={(v) => void setLanguage(v as 'zh-CN' | 'en')}
    />
  );
}
