export { ANALYTICS_KEYS, PAYMENT_KIND_LABELS } from './analytics';
export { field, options, optionsOf, text } from './builders';
export { DOMAIN_SERVICE_ACTIONS, domainDefinitions } from './definitions';
export {
  arbitrationSummary,
  isReferralReason,
  REFERRAL_REASONS,
  type ReferralReason,
} from './dispute/arbitration-summary';
export { chairmanMailbox } from './dispute/chairman-mailbox';
export { laborDispute, SESSION_RESULTS } from './dispute/labor-dispute';
export { type DurationSite, mapDurations, withDurations } from './durations';
export { grassrootsSubsidy } from './grassroots/grassroots-subsidy';
export {
  type AdmissionResult,
  admissionConditions,
  admissionExclusions,
  type ChecklistItem,
  checkAdmission,
  checklistFields,
  checklistLabels,
  fourClears,
} from './hardship/checklists';
export { HARDSHIP_AID_KINDS, hardshipAid } from './hardship/hardship-aid';
export { hardshipCase } from './hardship/hardship-case';
export { RECHECK_CAMPAIGN, RECHECK_OUTCOMES, recheckCampaignReason } from './hardship/recheck-campaign';
export {
  adviseReverification,
  type CivilAffairsRecord,
  defaultReverificationRules,
  HARDSHIP_FILE_STATUSES,
  HARDSHIP_LEVEL_LABELS,
  HARDSHIP_LEVELS,
  type HardshipLevel,
  REVERIFICATION_RECOMMENDATIONS,
  type ReverificationAdvice,
  type ReverificationRules,
} from './hardship/reverification';
export { innovationProposal } from './innovation/innovation-proposal';
export { openChallenge } from './innovation/open-challenge';
export { hallOfFame, quarterlySelection } from './innovation/periodic-selection';
export {
  awardBandFor,
  defaultAwardBands,
  INNOVATION_KINDS,
  INNOVATION_TIER_LABELS,
  INNOVATION_TIERS,
  type InnovationTier,
  mentorAwardFen,
  quarterRange,
  tierNames,
  yearRange,
} from './innovation/tiers';
export { type FenBand, isFen, PAYMENT_STATUSES, yuan } from './money';
export { WORK_INJURY_CONDOLENCE_FEN, workInjuryVisit } from './rights/work-injury-visit';
export { BUILT_IN_ROLES, type BuiltInRole, roleName } from './roles';
export {
  SERVICE_ACTION_NAMES,
  SERVICE_ACTIONS,
  type ServiceActionName,
  type ServiceActionSpec,
} from './service-actions';
export { resultSamples, SAMPLE_FEN, SAMPLE_SECRET } from './service-result-samples';
export { SERVICE_RESULTS } from './service-results';
export {
  defaultSubsidyRules,
  partTimeChairSubsidyFen,
  projectSubsidyFen,
  SUBSIDY_KINDS,
  type SubsidyRules,
  workFundSubsidyFen,
} from './subsidy/subsidy-rules';
