// The part of the model that runs inside workflows: small, pure, and free of the schema library.
export { parseDuration } from './duration';
export { evaluateCondition } from './expressions';
export type * from './types';
