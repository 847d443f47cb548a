export { metricsRegistry, sseConnections, timeUpdate } from './metrics';
export { metricsPlugin } from './metrics-plugin';
export { currentRequestId, requestContextPlugin, withRequestId } from './request-context';
export { REQUEST_ID_HEADER, requestIdFrom, requestIdInterceptor } from './temporal-request-id';
