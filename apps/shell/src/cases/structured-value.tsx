import { Typography } from 'antd';

/** Rows shown of a long list a service step stored; the rest is counted. */
const MAX_ROWS = 20;

interface Words {
  yes: string;
  no: string;
  count: (n: number) => string;
}

function scalar(v: unknown, words: Words): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? words.yes : words.no;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number'))
    return v.join('、') || null;
  return null;
}

/** One object as "a · b · c": its scalar values, in order, without internal ids. */
function line(item: unknown, words: Words): string {
  if (typeof item !== 'object' || item === null) return scalar(item, words) ?? '—';
  return (
    Object.entries(item)
      .filter(([k]) => !/id$/i.test(k))
      .map(([, v]) => scalar(v, words))
      .filter((s): s is string => !!s)
      .join(' · ') || '—'
  );
}

/**
 * What a service step stored (an award band, a pairing, a list of candidates), readable at a glance:
 * an object as key–value rows, a list as one line per entry. Ids are internal and left out.
 */
export function StructuredValue({ value, words }: { value: object; words: Words }) {
  if (Array.isArray(value)) {
    return (
      <div>
        {value.slice(0, MAX_ROWS).map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a stored list has no ids of its own and never reorders
          <div key={i}>{line(item, words)}</div>
        ))}
        {value.length > MAX_ROWS ? (
          <Typography.Text type="secondary">… +{value.length - MAX_ROWS}</Typography.Text>
        ) : null}
      </div>
    );
  }
  const rows = Object.entries(value).filter(([k]) => !/id$/i.test(k));
  return (
    <div>
      {rows.map(([k, v]) => (
        <div key={k}>
          <Typography.Text type="secondary">{k}：</Typography.Text>
          {scalar(v, words) ??
            (Array.isArray(v) ? words.count(v.length) : v && typeof v === 'object' ? line(v, words) : '—')}
        </div>
      ))}
    </div>
  );
}
