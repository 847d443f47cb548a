import { useTranslation } from 'react-i18next';

/** Text stored in both languages, Chinese required. */
export interface LocalTextValue {
  zh: string;
  en?: string;
}

/** Picks the English text when asked for and present, Chinese otherwise. */
export function pickText(text: LocalTextValue | null | undefined, lng: string): string {
  if (!text) return '';
  return lng.startsWith('en') && text.en ? text.en : text.zh;
}

/** A `pickText` bound to the current UI language. */
export function useLocalText(): (text: LocalTextValue | null | undefined) => string {
  const { i18n } = useTranslation();
  return (text) => pickText(text, i18n.language);
}
