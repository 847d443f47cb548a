import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  OpenTelemetryPlugin,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';

/** Tracing for one process: the worker plugin, the client interceptor, and a flush on shutdown. */
export interface Tracing {
  /** Worker plugin: workflow and activity interceptors plus the sink that exports workflow spans. */
  plugin: OpenTelemetryPlugin;
  /** Client interceptor: starts, signals and Updates carry the trace into the workflow. */
  clientInterceptor: OpenTelemetryWorkflowClientInterceptor;
  /** Exports what is buffered; call before the process exits. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry tracing across gateway → Temporal client → workflow → activities, exported over
 * OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT; off (undefined) when that is unset, which is the default.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return undefined;
  const resource = new Resource({ 'service.name': env.OTEL_SERVICE_NAME || serviceName });
  const spanProcessor = new BatchSpanProcessor(
    new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }),
    { scheduledDelayMillis: 1000 },
  );
  const provider = new BasicTracerProvider({ resource });
  provider.addSpanProcessor(spanProcessor);
  provider.register();
  return {
    plugin: new OpenTelemetryPlugin({ resource, spanProcessor }),
    clientInterceptor: new OpenTelemetryWorkflowClientInterceptor(),
    shutdown: () => provider.shutdown(),
  };
}
