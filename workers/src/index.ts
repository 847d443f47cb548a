export { type ActivityDeps, createActivities } from './activities/create-activities';
export { ensureSearchAttributes } from './search-attributes';
export {
  builtInActions,
  type ServiceAction,
  type ServiceDeps,
  serviceActionNames,
} from './services/registry';
export { type CaseWorkerOptions, createCaseWorker, workflowsPath } from './worker';
