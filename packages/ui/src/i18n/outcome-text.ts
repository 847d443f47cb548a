import { CASE_STATUSES } from '@unionflow/contracts/vocabulary';
import { type LocalTextValue, pickText } from './local-text';

/** What a finished case's outcome reads as: its end step's name, else its status; never the code. */
export function outcomeText(
  c: { outcome: string | null; outcomeName?: LocalTextValue | null; status: string },
  lng: string,
): string | null {
  if (!c.outcome) return null;
  if (c.outcomeName) return pickText(c.outcomeName, lng);
  // An outcome no end step set (a withdrawal, a termination) is the case's status.
  const status = Object.hasOwn(CASE_STATUSES, c.status)
    ? CASE_STATUSES[c.status as keyof typeof CASE_STATUSES]
    : null;
  return status ? pickText(status, lng) : null;
}
