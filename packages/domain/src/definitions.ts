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
import { SERVICE_ACTION_NAMES } from './service-actions';

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

/** Service actions these definitions call (every one but the drafting no-op); the registry provides each. */
export const DOMAIN_SERVICE_ACTIONS = SERVICE_ACTION_NAMES.filter((name) => name !== 'noop');
