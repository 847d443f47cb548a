// The part of the model that runs inside workflows: small, pure, and free of the schema library.
export * from './catalog';
export { parseDuration } from './duration';
export { evaluateCondition } from './expressions';
export { resolveFieldOptions } from './form-options';
export type * from './types';
