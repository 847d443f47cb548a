// The part of the model that runs inside workflows: small, pure, and free of the schema library.
export * from './catalog';
export { parseDuration } from './duration';
export { ConditionError, evaluateCondition } from './expressions';
export { editsOtherFields, fieldPermission, formWithPermissions, hiddenFieldKeys } from './field-permissions';
export { resolveFieldOptions } from './form-options';
export type { Separation, SeparationOutcome, SeparationStep } from './segregation';
export type * from './types';
