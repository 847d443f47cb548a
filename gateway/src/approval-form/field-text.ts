import type { FormField, Text } from '@unionflow/process-model';
import { type DisplayLanguage, MASKED_VALUE, moneyText } from '@unionflow/process-model/display';
import { formWord } from './approval-form-words';

/** Definition text in `lang`: English when asked for and written, Chinese otherwise. */
export function pick(text: Text | null | undefined, lang: DisplayLanguage): string {
  if (!text) return '';
  return lang === 'en' && text.en ? text.en : text.zh;
}

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, whatever zone the server runs in. */
export function shanghaiTime(at: string | Date): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? '—' : SHANGHAI.format(d);
}

/** What the form needs to name people a `user` field holds (usernames → display names). */
export type PeopleNames = ReadonlyMap<string, string>;

function scalarText(field: FormField, value: unknown, lang: DisplayLanguage, people: PeopleNames): string {
  if (value === null || value === undefined || value === '') return formWord('none', lang);
  if (value === MASKED_VALUE) return MASKED_VALUE;
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? moneyText(value, lang) : String(value);
    case 'number':
      return typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
    case 'boolean':
      return value === true ? formWord('yes', lang) : value === false ? formWord('no', lang) : '—';
    case 'select': {
      // Options read from the data at run time have no list here: their stored value is what they read as.
      if (!field.options) return String(value);
      const option = field.options.find((o) => o.value === value);
      return option ? pick(option.label, lang) : formWord('unknownOption', lang);
    }
    case 'user':
      return typeof value === 'string' ? (people.get(value) ?? value) : '—';
    case 'date':
    case 'text':
    case 'textarea':
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '—';
    case 'file':
      return formWord('attachments', lang, { n: Array.isArray(value) ? value.length : 1 });
  }
}

/**
 * A stored value as the form prints it: money in yuan, options by their label, people by name,
 * attachments counted (paper cannot open them); a value masked from the reader stays masked.
 */
export function fieldText(
  field: FormField,
  value: unknown,
  lang: DisplayLanguage,
  people: PeopleNames,
): string {
  if (value === MASKED_VALUE) return MASKED_VALUE;
  if (field.type === 'file') return value ? scalarText(field, value, lang, people) : formWord('none', lang);
  if (Array.isArray(value)) {
    if (value.length === 0) return formWord('none', lang);
    return value.map((v) => scalarText(field, v, lang, people)).join(lang === 'zh' ? '、' : ', ');
  }
  return scalarText(field, value, lang, people);
}
