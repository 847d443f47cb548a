/**
 * Money as people read it. Amounts are integer fen everywhere in the data; on screen and in messages
 * they are yuan: "5 万元" / "1,234.56 元" in Chinese, "50,000 yuan" in English. 万 (ten thousand
 * yuan) is used where it reads naturally: a whole number of 万 with at most two decimals.
 */

/** The languages display text is written in. */
export type DisplayLanguage = 'zh' | 'en';

const FEN_PER_WAN = 1_000_000;

function grouped(whole: number): string {
  return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Yuan digits of an amount in fen: "50,000", or "1,234.56" when there are cents. */
export function yuanDigits(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const cents = abs % 100;
  const whole = grouped(Math.floor(abs / 100));
  return `${sign}${whole}${cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}`;
}

/** "5" for 5 万 yuan when the amount is a natural number of 万 (≥ 1 万, hundreds of yuan), else null. */
function wanDigits(fen: number): string | null {
  const abs = Math.abs(Math.round(fen));
  if (abs < FEN_PER_WAN || abs % 10_000 !== 0) return null;
  const wan = (Math.round(fen) / FEN_PER_WAN).toFixed(2).replace(/\.?0+$/, '');
  return wan;
}

/** One amount: "5 万元", "3,000 元", "1,234.56 元" / "50,000 yuan". */
export function moneyText(fen: number, lang: DisplayLanguage): string {
  if (!Number.isFinite(fen)) return '—';
  if (lang === 'en') return `${yuanDigits(fen)} yuan`;
  const wan = wanDigits(fen);
  return wan === null ? `${yuanDigits(fen)} 元` : `${wan} 万元`;
}

/**
 * A band of amounts: "5 万–30 万元", "2,000–5,000 元", "50,000–300,000 yuan". `joiner` is what stands
 * between the ends; a word ("至", "and") gets the spaces a sentence needs: "须在 5 万至 30 万元之间".
 */
export function moneyBandText(
  minFen: number,
  maxFen: number,
  lang: DisplayLanguage,
  joiner: string = '–',
): string {
  const word = joiner !== '–';
  // A space between a digit and a word, none after 万 (Chinese runs on) and none around a dash.
  const join = (left: string, right: string) =>
    word
      ? `${left}${/\d$/.test(left) || lang === 'en' ? ' ' : ''}${joiner} ${right}`
      : `${left}${joiner}${right}`;
  if (lang === 'en') return `${join(yuanDigits(minFen), yuanDigits(maxFen))} yuan`;
  const [a, b] = [wanDigits(minFen), wanDigits(maxFen)];
  if (a !== null && b !== null) return `${join(`${a} 万`, b)} 万元`;
  if (a === null && b === null) return `${join(yuanDigits(minFen), yuanDigits(maxFen))} 元`;
  return join(moneyText(minFen, lang), moneyText(maxFen, lang));
}
