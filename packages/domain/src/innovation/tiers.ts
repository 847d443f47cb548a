import type { Label } from '@unionflow/process-model/catalog';
import type { FenBand } from '../money';
import { yuan } from '../money';

/** The proposal tiers, hardest first; a suggestion (献一计) is the lightest form. */
export const INNOVATION_TIERS = ['breakthrough', 'topic', 'proposal', 'suggestion'] as const;
export type InnovationTier = (typeof INNOVATION_TIERS)[number];

/** The tiers' names: the proposal form's options and the award band's result read them. */
export const INNOVATION_TIER_LABELS = {
  breakthrough: { zh: '攻关项目', en: 'Breakthrough project' },
  topic: { zh: '改善课题', en: 'Improvement topic' },
  proposal: { zh: '改善提案', en: 'Improvement proposal' },
  suggestion: { zh: '献一计', en: 'Suggestion' },
} as const satisfies Record<InnovationTier, Label>;

/** Chinese names of the tiers. */
export const tierNames = Object.fromEntries(
  INNOVATION_TIERS.map((tier) => [tier, INNOVATION_TIER_LABELS[tier].zh]),
) as Record<InnovationTier, string>;

/** Kinds of result submitted through the one channel (政出一门). */
export const INNOVATION_KINDS: [string, string, string][] = [
  ['qc', 'QC 小组活动', 'QC circle'],
  ['six-source', '"六源"案例', '"Six sources" case'],
  ['five-small', '"五小"成果', '"Five smalls" result'],
  ['rationalisation', '合理化建议', 'Rationalisation suggestion'],
  ['suggestion', '"献一计"/金点子', 'Idea ("献一计")'],
];

/**
 * Award bands per tier as seeded (from one company's published rules); the definition carries them as
 * service params, so an admin changes them by publishing a new version.
 */
export const defaultAwardBands: Record<InnovationTier, FenBand> = {
  breakthrough: { min: yuan(50_000), max: yuan(300_000) },
  topic: { min: yuan(10_000), max: yuan(20_000) },
  proposal: { min: yuan(1_000), max: yuan(20_000) },
  suggestion: { min: yuan(200), max: yuan(5_000) },
};

/** The band for a tier from a bands table; throws when the tier has none or the band is malformed. */
export function awardBandFor(tier: unknown, bands: Record<string, unknown>): FenBand & { tier: string } {
  if (typeof tier !== 'string' || !(tier in bands))
    throw new Error(`No award band for tier "${String(tier)}"`);
  const band = bands[tier] as Partial<FenBand> | undefined;
  const { min, max } = band ?? {};
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || (min as number) > (max as number))
    throw new Error(`The award band for tier "${tier}" must be whole fen with min ≤ max`);
  return { tier, min: min as number, max: max as number };
}

/** The mentor's award (导师带徒): a percentage of the apprentice's award, rounded down to the fen. */
export function mentorAwardFen(apprenticeAwardFen: number, percent: number): number {
  if (!Number.isSafeInteger(apprenticeAwardFen) || apprenticeAwardFen < 0)
    throw new RangeError('The apprentice award must be whole, non-negative fen');
  if (!(percent >= 0 && percent <= 100)) throw new RangeError('percent must be between 0 and 100');
  return Math.floor((apprenticeAwardFen * percent) / 100);
}

/** `2026-Q1` → the quarter's first instant and the next quarter's first instant (China Standard Time). */
export function quarterRange(quarter: string): { from: Date; to: Date } {
  const match = /^(\d{4})-?Q([1-4])$/i.exec(quarter.trim());
  if (!match) throw new Error(`"${quarter}" is not a quarter; write it like 2026-Q1`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  const start = (y: number, m: number) => new Date(`${y}-${String(m).padStart(2, '0')}-01T00:00:00+08:00`);
  const month = (q - 1) * 3 + 1;
  return { from: start(year, month), to: q === 4 ? start(year + 1, 1) : start(year, month + 3) };
}

/** A calendar year in China Standard Time. */
export function yearRange(year: number): { from: Date; to: Date } {
  if (!Number.isSafeInteger(year) || year < 2000 || year > 2200) throw new Error(`"${year}" is not a year`);
  return { from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}
