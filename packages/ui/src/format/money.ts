/** Formats integer fen as yuan with two decimals and thousands separators, e.g. 123456 → "¥1,234.56". */
export function formatFen(fen: number, symbol = '¥'): string {
  if (!Number.isFinite(fen)) return '—';
  const whole = Math.round(fen);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}${symbol}${yuan}.${cents}`;
}

/** Integer fen → yuan as a number (for inputs that edit yuan). */
export function fenToYuan(fen: number): number {
  return Math.round(fen) / 100;
}

/**
 * Yuan as typed by a person → integer fen. Rounds through a 12-digit precision first because
 * binary floats make 1.005 * 100 come out as 100.49999….
 */
export function yuanToFen(yuan: number): number {
  return Math.round(Number.parseFloat((yuan * 100).toPrecision(12)));
}
