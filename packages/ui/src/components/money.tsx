import { formatFen } from '@unionflow/ui/core';

/** Integer fen shown as yuan, e.g. ¥1,234.56. */
export function Money({ fen }: { fen: number }) {
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatFen(fen)}</span>;
}
