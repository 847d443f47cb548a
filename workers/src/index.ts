export { type ActivityDeps, createActivities } from './activities/create-activities';
export { EVENTS_CHANNEL } from './activities/project';
export { builtInActions, type ServiceAction, type ServiceDeps, serviceActionNames } from './services/registry';
export { createCaseWorker, type CaseWorkerOptions } from './worker';
