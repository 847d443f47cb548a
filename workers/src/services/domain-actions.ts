import { disputeActions } from './dispute/dispute-actions';
import { hardshipActions } from './hardship/hardship-actions';
import { awardActions } from './innovation/award-actions';
import { selectionActions } from './innovation/selection-actions';
import { mailboxActions } from './mailbox/mailbox-actions';
import { paymentActions } from './payments/payment-actions';
import type { ServiceAction } from './registry';
import { subsidyActions } from './subsidy/subsidy-actions';

/** The union's domain actions (innovation, disputes, mailbox, hardship, payments, subsidies). */
export const domainActions: Record<string, ServiceAction> = {
  ...paymentActions,
  ...awardActions,
  ...selectionActions,
  ...disputeActions,
  ...mailboxActions,
  ...hardshipActions,
  ...subsidyActions,
};
