/** Hardship levels: 深度困难, 相对困难, 临时性/意外致困. */
export const HARDSHIP_LEVELS = ['deep', 'relative', 'temporary'] as const;
export type HardshipLevel = (typeof HARDSHIP_LEVELS)[number];

/** What the civil-affairs data says about a household (民政经济状况核对). */
export interface CivilAffairsRecord {
  idNumber: string;
  householdSize: number;
  /** Household income per month, in fen. */
  monthlyIncomeFen: number;
  asOf: string;
}

/** The lines the comparison uses; held in the definition's service params. */
export interface ReverificationRules {
  /** Local minimum living standard (低保标准), per person per month, in fen. */
  minimumLivingFen: number;
  /** Below this percentage of the minimum a household counts as relatively poor. */
  relativePercent: number;
}

export const defaultReverificationRules: ReverificationRules = {
  minimumLivingFen: 80_000,
  relativePercent: 150,
};

export interface ReverificationAdvice {
  found: boolean;
  perCapitaFen: number | null;
  suggestedLevel: HardshipLevel | null;
  recommendation: 'continue' | 'change-level' | 'exit' | 'manual-check';
}

/**
 * Compares the civil-affairs figures with the lines: below the minimum is deep hardship, below the
 * relative line is relative hardship, above both means the household can leave the file. The
 * assistance centre decides; this is advice shown on its task.
 */
export function adviseReverification(
  record: CivilAffairsRecord | null,
  currentLevel: unknown,
  rules: ReverificationRules = defaultReverificationRules,
): ReverificationAdvice {
  if (!record || !(record.householdSize > 0))
    return { found: false, perCapitaFen: null, suggestedLevel: null, recommendation: 'manual-check' };
  const perCapitaFen = Math.floor(record.monthlyIncomeFen / record.householdSize);
  const relativeLine = Math.floor((rules.minimumLivingFen * rules.relativePercent) / 100);
  const suggestedLevel: HardshipLevel | null =
    perCapitaFen < rules.minimumLivingFen ? 'deep' : perCapitaFen < relativeLine ? 'relative' : null;
  const recommendation =
    suggestedLevel === null ? 'exit' : suggestedLevel === currentLevel ? 'continue' : 'change-level';
  return { found: true, perCapitaFen, suggestedLevel, recommendation };
}
