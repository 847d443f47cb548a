import type { Label } from '../catalog';
import { type DisplayLanguage, moneyBandText, moneyText } from './money-text';
import type {
  ResultBandSpec,
  ResultFieldSpec,
  ResultRecordSpec,
  ResultScalarSpec,
  ResultSchema,
} from './result-schema';

/** One line of a result as a person reads it. */
export interface ResultRow {
  key: string;
  label: string;
  value: string;
}

/** What a value masked from the reader reads as (household data on a case they see masked). */
export const MASKED_VALUE = '***';

/** Entries of a long list shown; the rest are counted. */
const MAX_LINES = 20;
const NONE = '—';

const words = {
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  unknown: { zh: '（未知）', en: '(unknown)' },
  more: { zh: '… 另 {n} 项', en: '… {n} more' },
} satisfies Record<string, Label>;

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function grouped(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** One value by its spec. Codes without a label read "(unknown)", never as the code. */
export function formatScalar(spec: ResultScalarSpec, value: unknown, lang: DisplayLanguage): string {
  if (value === null || value === undefined || value === '') return NONE;
  if (value === MASKED_VALUE) return MASKED_VALUE;
  switch (spec.type) {
    case 'money':
      return typeof value === 'number' ? moneyText(value, lang) : NONE;
    case 'enum': {
      const label = typeof value === 'string' ? spec.options?.[value] : undefined;
      return label ? label[lang] : words.unknown[lang];
    }
    case 'boolean':
      return value === true ? words.yes[lang] : value === false ? words.no[lang] : NONE;
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return NONE;
      return spec.unit ? `${grouped(value)} ${spec.unit[lang]}` : grouped(value);
    }
    case 'datetime': {
      const at = new Date(String(value));
      return Number.isNaN(at.getTime()) ? NONE : SHANGHAI.format(at);
    }
    case 'date':
    case 'text':
      return typeof value === 'string' || typeof value === 'number' ? String(value) : NONE;
  }
}

function formatRecord(spec: ResultRecordSpec, value: unknown, lang: DisplayLanguage): string {
  if (!value || typeof value !== 'object') return NONE;
  const item = value as Record<string, unknown>;
  const parts = Object.entries(spec.fields)
    .filter(([key, field]) => !field.hidden && item[key] !== undefined && item[key] !== null)
    .map(([key, field]) => formatField(field, item[key], lang));
  return parts.join(' · ') || NONE;
}

/** A field's value: a scalar, or a list (codes joined on one line, records one per line). */
export function formatField(spec: ResultFieldSpec, value: unknown, lang: DisplayLanguage): string {
  if (value === MASKED_VALUE) return MASKED_VALUE;
  if (spec.type !== 'list') return formatScalar(spec, value, lang);
  if (!Array.isArray(value) || value.length === 0) return NONE;
  const of = spec.of;
  if (of.type !== 'record')
    return value.map((v) => formatScalar(of, v, lang)).join(lang === 'zh' ? '、' : ', ');
  const lines = value.slice(0, MAX_LINES).map((v) => formatRecord(of, v, lang));
  if (value.length > MAX_LINES) lines.push(words.more[lang].replace('{n}', String(value.length - MAX_LINES)));
  return lines.join('\n');
}

/**
 * A service result as labelled rows in the reader's language, in the order the schema declares:
 * hidden keys and keys the schema does not know are left out, bands read as one row.
 */
export function formatResult(schema: ResultSchema, value: unknown, lang: DisplayLanguage): ResultRow[] {
  // A whole result masked from the reader is one row saying so.
  if (value === MASKED_VALUE) return [{ key: '', label: '', value: MASKED_VALUE }];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const result = value as Record<string, unknown>;
  // A band's row stands where its `min` is declared; its `max` adds no row of its own.
  const inBand = new Map<string, ResultBandSpec | null>();
  for (const band of schema.bands ?? []) {
    inBand.set(band.min, band);
    inBand.set(band.max, null);
  }
  const rows: ResultRow[] = [];
  for (const [key, field] of Object.entries(schema.fields)) {
    if (field.hidden || !(key in result)) continue;
    const band = inBand.get(key);
    if (band === undefined) {
      rows.push({ key, label: field.label[lang], value: formatField(field, result[key], lang) });
    } else if (band) {
      const [min, max] = [result[band.min], result[band.max]];
      const shown = typeof min === 'number' && typeof max === 'number' ? moneyBandText(min, max, lang) : NONE;
      rows.push({ key, label: band.label[lang], value: shown });
    }
  }
  return rows;
}
