import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonResources } from './resources';

/** Languages the UI offers; Chinese is the default. */
export type Language = 'zh-CN' | 'en';

/** localStorage key holding the chosen language. */
export const LANGUAGE_STORAGE_KEY = 'unionflow.lang';

type Bundle = Record<string, unknown>;

function storedLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Initialises the shared i18next instance once (later calls are no-ops) and returns it. */
export function initI18n(): typeof i18next {
  if (i18next.isInitialized) return i18next;
  void i18next.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: commonResources['zh-CN'] },
      en: { translation: commonResources.en },
    },
    lng: storedLanguage(),
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  setDocumentLanguage(i18next.language as Language);
  return i18next;
}

/** Adds an app's own translations (deep-merged into the shared namespace). */
export function addTranslations(resources: Record<Language, Bundle>): void {
  const i18n = initI18n();
  for (const [lng, bundle] of Object.entries(resources)) {
    i18n.addResourceBundle(lng, 'translation', bundle, true, false);
  }
}

/** Switches the language and remembers it. */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Private mode: the switch still works for this page.
  }
  await initI18n().changeLanguage(lng);
  setDocumentLanguage(lng);
}

/** The current language, normalised to one the UI offers. */
export function currentLanguage(): Language {
  return initI18n().language === 'en' ? 'en' : 'zh-CN';
}

function setDocumentLanguage(lng: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
