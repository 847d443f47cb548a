// The worker's workflow bundle entry: every workflow type, and nothing else.
export { caseWorkflow } from './case-workflow';
