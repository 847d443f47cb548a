import type { FormField } from '@unionflow/process-model';
import { field } from '../builders';

/** One line of a checklist: the data key a verifier ticks, and what it means. */
export interface ChecklistItem {
  key: string;
  zh: string;
  en: string;
}

/** 建档条件: a household qualifies when at least one holds. */
export const admissionConditions: ChecklistItem[] = [
  {
    key: 'condIncomeBelowMinimum',
    zh: '家庭人均收入低于当地城市最低生活保障标准',
    en: 'Per-capita income below the local minimum living standard',
  },
  {
    key: 'condIncomeBelowRelative',
    zh: '家庭人均收入低于当地低保标准一定倍数且刚性支出大',
    en: 'Per-capita income below the relative line with heavy unavoidable costs',
  },
  {
    key: 'condSeriousIllness',
    zh: '本人或家庭成员患大病重病，自付医疗费用超出家庭承受能力',
    en: 'Serious illness in the household beyond what it can pay',
  },
  {
    key: 'condDisability',
    zh: '本人或家庭成员残疾，丧失或部分丧失劳动能力',
    en: 'Disability in the household',
  },
  {
    key: 'condEducationBurden',
    zh: '子女接受非义务教育，学费负担过重',
    en: 'Heavy school fees beyond compulsory education',
  },
  {
    key: 'condSuddenEvent',
    zh: '因自然灾害、意外事故等突发原因致使生活困难',
    en: 'Sudden hardship from a disaster or accident',
  },
];

/** 不符合建档情形: any one of these excludes the household. */
export const admissionExclusions: ChecklistItem[] = [
  {
    key: 'exclMultipleProperties',
    zh: '家庭拥有两套及以上住房或商铺',
    en: 'Owns two or more homes or shops',
  },
  {
    key: 'exclPrivateVehicle',
    zh: '家庭拥有非营运机动车（残疾人代步车除外）',
    en: 'Owns a private motor vehicle',
  },
  {
    key: 'exclHighConsumption',
    zh: '有出国旅游、自费择校等高消费行为',
    en: 'High consumption (trips abroad, fee-paying schools)',
  },
  {
    key: 'exclRunningBusiness',
    zh: '家庭成员经营企业或个体工商户且经营正常',
    en: 'A household member runs a business normally',
  },
  {
    key: 'exclFalseInformation',
    zh: '隐瞒家庭收入或提供虚假材料',
    en: 'Concealed income or false documents',
  },
  { key: 'exclRefusesWork', zh: '有劳动能力但无正当理由拒绝就业', en: 'Able to work but refuses work' },
];

/** 四个清楚: the verifier confirms each. */
export const fourClears: ChecklistItem[] = [
  { key: 'clearHousehold', zh: '家庭成员情况清楚', en: 'Household members clear' },
  { key: 'clearAddress', zh: '家庭住址清楚', en: 'Home address clear' },
  { key: 'clearWork', zh: '工作单位及就业情况清楚', en: 'Work situation clear' },
  { key: 'clearCause', zh: '致困原因清楚', en: 'Cause of hardship clear' },
];

/** A checklist as boolean form fields for the verification step. */
export function checklistFields(items: ChecklistItem[], required = false): FormField[] {
  return items.map((item) => field(item.key, item.zh, item.en, 'boolean', required ? { required } : {}));
}

/** The outcome of checking a household against the lists. */
export interface AdmissionResult {
  eligible: boolean;
  met: string[];
  excludedBy: string[];
  unclear: string[];
}

/**
 * Eligible when at least one condition holds, no exclusion does, and all four clears are confirmed.
 * The key lists come from the definition (service params), so a policy change is a new version.
 */
export function checkAdmission(
  data: Record<string, unknown>,
  lists: { conditions: string[]; exclusions: string[]; clears: string[] },
): AdmissionResult {
  const met = lists.conditions.filter((k) => data[k] === true);
  const excludedBy = lists.exclusions.filter((k) => data[k] === true);
  const unclear = lists.clears.filter((k) => data[k] !== true);
  return {
    eligible: met.length > 0 && excludedBy.length === 0 && unclear.length === 0,
    met,
    excludedBy,
    unclear,
  };
}

/** A checklist as labels by key: how a result listing met conditions or exclusions reads. */
export function checklistLabels(items: ChecklistItem[]): Record<string, { zh: string; en: string }> {
  return Object.fromEntries(items.map((item) => [item.key, { zh: item.zh, en: item.en }]));
}
