import { type Language, setLanguage } from '@unionflow/ui/core';
import { useTranslation } from 'react-i18next';
import './plain.css';
import './language-switch.css';

const LANGUAGES: { value: Language; labelKey: string }[] = [
  { value: 'zh-CN', labelKey: 'language.zh' },
  { value: 'en', labelKey: 'language.en' },
];

/** 中文 / English toggle, remembered in localStorage. Plain React: the sign-in page shows it too. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <fieldset className="uf-lang">
      <legend className="uf-visually-hidden">{t('language.label')}</legend>
      {LANGUAGES.map(({ value, labelKey }) => (
        <button
          key={value}
          type="button"
          aria-pressed={current === value}
          onClick={() => void setLanguage(value)}
        >
          {t(labelKey)}
        </button>
      ))}
    </fieldset>
  );
}
