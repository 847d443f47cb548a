export { checkDefinition, issuesAsFieldErrors, requireKey } from './definition-checks';
export {
  inStartScope,
  isTopLevel,
  managesProcess,
  noProcess,
  type ProcessOwnership,
  processOwnership,
  requireManagedKey,
  requireReachableSubprocesses,
} from './definition-owner';
export { restoreVersion } from './definition-restore';
export { retireDefinition } from './definition-retire';
export {
  latestVersionRow,
  listDefinitions,
  listVersions,
  loadDraft,
  publishedAt,
  publishedDocument,
  sameDesign,
  saveDraft,
  versionDocument,
} from './definition-store';
export { impactOf } from './impact';
export { createSimulator, type Simulator } from './simulation';
