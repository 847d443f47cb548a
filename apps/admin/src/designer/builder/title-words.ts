import { type ProcessDefinition, titleMayShow } from '@unionflow/process-model';

/**
 * The title template as an admin reads and writes it: field labels in braces ({职工姓名}·{争议类型}),
 * never data keys. Stored with keys ({workerName}·{claimType}), converted both ways here.
 */
export interface TitleWord {
  key: string;
  label: string;
}

const TOKEN = /\{([^{}]+)\}/g;

/** The placeholders an admin may use: the applicant, the process name and the start form's fields. */
export function titleWords(def: ProcessDefinition, lang: 'zh' | 'en'): TitleWord[] {
  const builtIn: TitleWord[] = [
    { key: 'applicant', label: lang === 'zh' ? '申请人' : 'Applicant' },
    { key: 'process', label: lang === 'zh' ? '流程名称' : 'Process name' },
  ];
  const fields = def.form
    .filter((f) => titleMayShow(def, f))
    .map((f) => ({ key: f.key, label: lang === 'en' ? (f.label.en ?? f.label.zh) : f.label.zh }));
  return [...builtIn, ...fields];
}

/** Stored template → what the admin reads. An unknown key stays as written, so nothing is lost. */
export function templateToWords(template: string, words: TitleWord[]): string {
  return template.replace(TOKEN, (whole, key: string) => {
    const word = words.find((w) => w.key === key);
    return word ? `{${word.label}}` : whole;
  });
}

/** What the admin wrote → stored template; a label not found stays, and the validator names it. */
export function wordsToTemplate(text: string, words: TitleWord[]): string {
  return text.replace(TOKEN, (whole, label: string) => {
    const word = words.find((w) => w.label === label.trim()) ?? words.find((w) => w.key === label.trim());
    return word ? `{${word.key}}` : whole;
  });
}
