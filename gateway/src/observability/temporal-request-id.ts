import type { WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import { currentRequestId } from './request-context';

/** Temporal header carrying the gateway request id into workflow history (and, from there, logs). */
export const REQUEST_ID_HEADER = 'unionflow-request-id';

/**
 * A workflow client interceptor that stamps every start, update and signal with the id of the HTTP
 * request that caused it, so a workflow run can be traced back to the gateway log line.
 */
export function requestIdInterceptor(
  getId: () => string | undefined = currentRequestId,
): WorkflowClientInterceptor {
  const stamp = (headers: Headers): Headers => {
    const id = getId();
    return id ? { ...headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(id) } : headers;
  };
  return {
    start: (input, next) => next({ ...input, headers: stamp(input.headers) }),
    startWithDetails: (input, next) => next({ ...input, headers: stamp(input.headers) }),
    startUpdate: (input, next) => next({ ...input, headers: stamp(input.headers) }),
    startUpdateWithStart: (input, next) =>
      next({
        ...input,
        workflowStartHeaders: stamp(input.workflowStartHeaders),
        updateHeaders: stamp(input.updateHeaders),
      }),
    signal: (input, next) => next({ ...input, headers: stamp(input.headers) }),
    signalWithStart: (input, next) => next({ ...input, headers: stamp(input.headers) }),
  };
}

/** Reads the request id back from a header map (workflow or activity side). */
export function requestIdFrom(headers: Headers | undefined): string | undefined {
  const payload = headers?.[REQUEST_ID_HEADER];
  if (!payload) return undefined;
  const value = defaultPayloadConverter.fromPayload<unknown>(payload);
  return typeof value === 'string' ? value : undefined;
}
