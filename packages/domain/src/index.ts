export { field, options, text } from './builders';
export { DOMAIN_SERVICE_ACTIONS, domainDefinitions } from './definitions';
export { arbitrationSummary, isReferralReason, type ReferralReason } from './dispute/arbitration-summary';
export { chairmanMailbox } from './dispute/chairman-mailbox';
export { laborDispute } from './dispute/labor-dispute';
export { type DurationSite, mapDurations, withDurations } from './durations';
export { grassrootsSubsidy } from './grassroots/grassroots-subsidy';
export {
  type AdmissionResult,
  admissionConditions,
  admissionExclusions,
  type ChecklistItem,
  checkAdmission,
  checklistFields,
  fourClears,
} from './hardship/checklists';
export { hardshipAid } from './hardship/hardship-aid';
export { hardshipCase } from './hardship/hardship-case';
export {
  adviseReverification,
  type CivilAffairsRecord,
  defaultReverificationRules,
  HARDSHIP_LEVELS,
  type HardshipLevel,
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
  INNOVATION_TIERS,
  type InnovationTier,
  mentorAwardFen,
  quarterRange,
  tierNames,
  yearRange,
} from './innovation/tiers';
export { type FenBand, isFen, yuan } from './money';
export { WORK_INJURY_CONDOLENCE_FEN, workInjuryVisit } from './rights/work-injury-visit';
export { SERVICE_ACTION_NAMES, SERVICE_ACTIONS, type ServiceActionName } from './service-actions';
export {
  defaultSubsidyRules,
  partTimeChairSubsidyFen,
  projectSubsidyFen,
  type SubsidyRules,
  workFundSubsidyFen,
} from './subsidy/subsidy-rules';
