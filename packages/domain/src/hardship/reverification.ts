import type { Label } from '@unionflow/process-model/catalog';

/** Hardship levels: 深度困难, 相对困难, 临时性/意外致困. */
export const HARDSHIP_LEVELS = ['deep', 'relative', 'temporary'] as const;
export type HardshipLevel = (typeof HARDSHIP_LEVELS)[number];

/** The levels' names: the file's form options and the results that report a level. */
export const HARDSHIP_LEVEL_LABELS = {
  deep: { zh: '深度困难', en: 'Deep hardship' },
  relative: { zh: '相对困难', en: 'Relative hardship' },
  temporary: { zh: '临时性/意外致困', en: 'Temporary hardship' },
} as const satisfies Record<HardshipLevel, Label>;

/** What the civil-affairs comparison advises the assistance centre. */
export const REVERIFICATION_RECOMMENDATIONS = {
  continue: { zh: '建议继续在档', en: 'Stay in the file' },
  'change-level': { zh: '建议调整困难类别', en: 'Change the level' },
  exit: { zh: '建议退档（脱困）', en: 'Leave the file' },
  'manual-check': { zh: '未查到民政数据，需人工核实', en: 'No civil-affairs data; check by hand' },
} as const satisfies Record<string, Label>;

/** Whether a household is in the file (a row of `hardship_files`). */
export const HARDSHIP_FILE_STATUSES = {
  'in-file': { zh: '在档', en: 'In the file' },
  exited: { zh: '已退档', en: 'Left the file' },
} as const satisfies Record<string, Label>;

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
  recommendation: keyof typeof REVERIFICATION_RECOMMENDATIONS;
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
