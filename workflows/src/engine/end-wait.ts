import type { EndWaitInput } from '../messages';
import { moveToken } from './advance';
import { type EngineContext, EngineError } from './runtime';

/**
 * Ends the wait at a timer node now, so the case goes on exactly as if the timer had fired: the timer
 * is dropped and cancelled and the token moves to the node's `next` (ADR 024). Only plain timers can
 * be ended this way: a notice period or a deadline is a promise to people, not a wait.
 */
export function endWait(
  ctx: EngineContext,
  cancelTimer: (timerId: string) => void,
  input: EndWaitInput,
): void {
  const state = ctx.state;
  const token = state.tokens.find((t) => t.nodeId === input.nodeId && t.phase === 'waiting');
  const node = token ? ctx.node(token.nodeId) : null;
  const timer = token && state.timers.find((t) => t.tokenId === token.id && t.purpose === 'timer');
  if (!token || !timer || node?.kind !== 'timer') {
    const named = state.definition.nodes.find((n) => n.id === input.nodeId)?.name;
    const zh = named?.zh ?? input.nodeId;
    const en = named?.en ?? zh;
    throw new EngineError('Conflict', `此案件不在「${zh}」等待 / The case is not waiting at "${en}".`);
  }
  state.timers = state.timers.filter((t) => t.id !== timer.id);
  cancelTimer(timer.id);
  ctx.record('wait-ended-early', {
    node,
    actorId: input.actorId,
    comment: input.reason,
    data: input.campaignId ? { campaignId: input.campaignId } : {},
  });
  moveToken(ctx, token, node.next);
}
