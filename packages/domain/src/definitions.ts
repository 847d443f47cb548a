import type { ProcessDefinition } from '@unionflow/process-model';
import { chairmanMailbox } from './dispute/chairman-mailbox';
import { laborDispute } from './dispute/labor-dispute';
import { grassrootsSubsidy } from './grassroots/grassroots-subsidy';
import { hardshipAid } from './hardship/hardship-aid';
import { hardshipCase } from './hardship/hardship-case';
import { innovationProposal } from './innovation/innovation-proposal';
import { openChallenge } from './innovation/open-challenge';
import { hallOfFame, quarterlySelection } from './innovation/periodic-selection';
import { workInjuryVisit } from './rights/work-injury-visit';

/** Every process the union asked for, as seeded into an empty database. */
export const domainDefinitions: ProcessDefinition[] = [
  innovationProposal,
  openChallenge,
  quarterlySelection,
  hallOfFame,
  laborDispute,
  chairmanMailbox,
  hardshipCase,
  hardshipAid,
  workInjuryVisit,
  grassrootsSubsidy,
];

/** Service actions these definitions call; the worker registry must provide every one. */
export const DOMAIN_SERVICE_ACTIONS = [
  'notify-applicant',
  'payment.disburse',
  'payment.reclaim',
  'innovation.award-band',
  'innovation.disburse-award',
  'innovation.reclaim-award',
  'innovation.publish-to-library',
  'innovation.mentor-award',
  'innovation.quarter-candidates',
  'innovation.quarterly-awards',
  'innovation.year-candidates',
  'innovation.induct-hall-of-fame',
  'dispute.arbitration-summary',
  'dispute.record-session',
  'dispute.limit-warning',
  'dispute.limit-check',
  'mailbox.queue-reception',
  'hardship.check-admission',
  'hardship.open-file',
  'hardship.pair-cadre',
  'hardship.civil-affairs-check',
  'hardship.record-reverification',
  'hardship.reopen',
  'hardship.archive',
  'hardship.find-file',
  'subsidy.compute',
] as const;
