import type { MigrationInput, RetryServiceInput } from '../messages';
import type { Effects } from './effects';
import { APPLICANT_STEP, type EngineContext, EngineError } from './runtime';

/**
 * Moves a running case onto another version of its definition. Safe only where every step the case is
 * at (and every step it may be returned to) exists in the target with the same kind; otherwise refused.
 */
export function migrate(ctx: EngineContext, input: MigrationInput): void {
  const state = ctx.state;
  const target = input.definition;
  if (target.key !== state.definition.key)
    throw new EngineError(
      'Invalid',
      `版本 ${target.version} 属于另一个流程 / Version ${target.version} belongs to another process.`,
    );
  if (target.version === state.definition.version)
    throw new EngineError(
      'Conflict',
      `此案件已在版本 ${target.version} 上运行 / The case already runs on version ${target.version}.`,
    );
  const missing: string[] = [];
  const check = (nodeId: string) => {
    if (nodeId === APPLICANT_STEP) return;
    const from = state.definition.nodes.find((n) => n.id === nodeId);
    const to = target.nodes.find((n) => n.id === nodeId);
    if (!to || to.kind !== from?.kind) missing.push(nodeId);
  };
  for (const token of state.tokens) check(token.nodeId);
  for (const step of state.done) check(step.nodeId);
  if (missing.length > 0) {
    // Named by the steps' names, which is what the admin sees in the designer.
    const steps = [...new Set(missing)].map((id) => ({
      id,
      name: state.definition.nodes.find((n) => n.id === id)?.name,
    }));
    const zh = steps.map((s) => s.name?.zh ?? s.id).join('、');
    const en = steps.map((s) => s.name?.en ?? s.name?.zh ?? s.id).join(', ');
    throw new EngineError(
      'Conflict',
      `版本 ${target.version} 中没有与「${zh}」对应的步骤，此案件暂不能迁移 / Version ${target.version} has no step matching "${en}"; the case cannot move there now.`,
    );
  }
  const from = state.definition.version;
  state.definition = target;
  ctx.caseChanged = true;
  ctx.record('migrated', { actorId: input.actorId, data: { fromVersion: from, toVersion: target.version } });
}

/** Runs every failed service step of the case again. */
export function retryServices(ctx: EngineContext, fx: Effects, input: RetryServiceInput): void {
  const failed = Object.entries(ctx.state.failedServices ?? {});
  if (failed.length === 0)
    throw new EngineError(
      'Conflict',
      '此案件没有失败的自动步骤 / No automatic step of this case has failed.',
    );
  for (const [tokenId, { nodeId }] of failed) {
    const token = ctx.token(tokenId);
    if (!token) continue;
    ctx.state.services[tokenId] = { nodeId, startedAt: ctx.now().getTime() };
    ctx.record('service-retried', { node: ctx.node(nodeId), actorId: input.actorId });
    fx.startService(token);
  }
  ctx.state.failedServices = {};
}
