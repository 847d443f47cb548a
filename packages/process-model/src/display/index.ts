// Display of values people read: money in yuan, service results by their declared schema. Pure and
// isomorphic: the gateway (messages), the domain (schemas) and the apps (pages) share it.

export {
  type DurationUnit,
  describeDuration,
  durationUnitName,
  PICKABLE_DURATION_UNITS,
  splitDuration,
} from '../duration';
export { type ChangeNames, describeDefinitionChanges } from './definition-changes';
export { formatField, formatResult, formatScalar, MASKED_VALUE, type ResultRow } from './format-result';
export { amountName, type FenBounds, moneyBoundHint, moneyBoundMessage } from './money-bounds';
export { type DisplayLanguage, moneyBandText, moneyText, yuanDigits } from './money-text';
export type {
  ResultBandSpec,
  ResultFieldSpec,
  ResultListSpec,
  ResultRecordSpec,
  ResultScalarSpec,
  ResultScalarType,
  ResultSchema,
} from './result-schema';
