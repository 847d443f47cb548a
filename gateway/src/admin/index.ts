export { checkDefinition, issuesAsFieldErrors, requireKey } from './definition-checks';
export {
  latestVersionRow,
  listDefinitions,
  listVersions,
  loadDraft,
  sameDesign,
  saveDraft,
  versionDocument,
} from './definition-store';
export { impactOf } from './impact';
export { createSimulator, type Simulator } from './simulation';
