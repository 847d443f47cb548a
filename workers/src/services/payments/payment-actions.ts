import { isFen } from '@unionflow/domain';
import type { ServiceCall } from '@unionflow/workflows';
import { refuse, stringParam, userByName } from '../call-helpers';
import type { ServiceAction, ServiceDeps } from '../registry';

/**
 * Records a payment to the applicant (or the user a `payeeField` names) of the amount in `amountField`
 * (or the fixed `amountFen` of the step's params).
 * The row id is the case step, so a retried or replayed step pays once.
 */
export async function disburse(
  call: ServiceCall,
  { db }: ServiceDeps,
  suffix = '',
): Promise<{ paymentId: string; payeeId: string; amountFen: number; status: 'paid' }> {
  // A fixed amount (a condolence payment) comes in the step's params; otherwise from a data field.
  const fixed = call.params.amountFen;
  const amountField = stringParam(call, 'amountField', 'amountFen');
  const amountFen = fixed !== undefined ? fixed : call.data[amountField];
  if (!isFen(amountFen))
    throw refuse(
      fixed !== undefined
        ? 'The step\'s "amountFen" must be a whole number of fen'
        : `"${amountField}" must hold a whole number of fen to pay`,
    );
  const payeeField = call.params.payeeField;
  let payeeId = call.applicant.userId;
  if (typeof payeeField === 'string') {
    const payee = await userByName(db, call.data[payeeField]);
    if (!payee) throw refuse(`"${payeeField}" does not name a user to pay`);
    payeeId = payee.id;
  }
  return pay(call, { db }, { payeeId, amountFen, kind: stringParam(call, 'kind', 'payment'), suffix });
}

/** Inserts one payment row unless it exists; returns what was paid. */
export async function pay(
  call: Pick<ServiceCall, 'caseId' | 'nodeId'>,
  { db }: ServiceDeps,
  p: { payeeId: string; amountFen: number; kind: string; suffix?: string },
): Promise<{ paymentId: string; payeeId: string; amountFen: number; status: 'paid' }> {
  const paymentId = `${call.caseId}:${call.nodeId}${p.suffix ? `:${p.suffix}` : ''}`;
  await db
    .insertInto('payments')
    .values({
      id: paymentId,
      case_id: call.caseId,
      node_id: call.nodeId,
      payee_id: p.payeeId,
      kind: p.kind,
      amount_fen: p.amountFen,
      status: 'paid',
      paid_at: new Date(),
      reclaimed_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return { paymentId, payeeId: p.payeeId, amountFen: p.amountFen, status: 'paid' };
}

/** Compensation: marks the payment the step made as reclaimed (the original result is in `params.original`). */
export const reclaim: ServiceAction = async (call, { db }) => {
  const original = call.params.original as { paymentId?: unknown } | undefined;
  const paymentId =
    typeof original?.paymentId === 'string' ? original.paymentId : `${call.caseId}:${call.nodeId}`;
  await db
    .updateTable('payments')
    .set({ status: 'reclaimed', reclaimed_at: new Date() })
    .where('id', '=', paymentId)
    .where('status', '=', 'paid')
    .execute();
  return { paymentId, status: 'reclaimed' };
};

/** Generic payment actions any definition may use. */
export const paymentActions: Record<string, ServiceAction> = {
  'payment.disburse': (call, deps) => disburse(call, deps),
  'payment.reclaim': reclaim,
};
