import { domainDefinitions } from '@unionflow/domain';
import type { ProcessDefinition } from '@unionflow/process-model';
import { simpleApproval } from './simple-approval';

export { simpleApproval } from './simple-approval';

/** Definitions published into an empty database. */
export const seedDefinitions: ProcessDefinition[] = [simpleApproval, ...domainDefinitions];
