/** Temporal's services, each run as its own process in the cluster profile. */
export const CLUSTER_SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
export type ClusterService = (typeof CLUSTER_SERVICES)[number];

/** Ports of one service: gRPC, membership (ringpop) and its Prometheus endpoint. */
export interface ServicePorts {
  grpc: number;
  membership: number;
  metrics: number;
}

/** Everything the server config needs; rendered once per service (only the metrics port differs). */
export interface ClusterConfigInput {
  shards: number;
  postgres: { host: string; port: number; user: string; password: string };
  databases: { main: string; visibility: string };
  ports: Record<ClusterService, ServicePorts>;
  /** Frontend HTTP API port. */
  httpPort: number;
  dynamicConfigFile: string;
}

/** Ports Temporal's own sample configs use, for `pnpm start --cluster` (tests take free ones). */
export const STANDARD_PORTS: Record<ClusterService, ServicePorts> & { http: number } = {
  frontend: { grpc: 7233, membership: 6933, metrics: 8000 },
  history: { grpc: 7234, membership: 6934, metrics: 8001 },
  matching: { grpc: 7235, membership: 6935, metrics: 8002 },
  worker: { grpc: 7239, membership: 6939, metrics: 8003 },
  http: 7243,
};

const quote = (value: string) => JSON.stringify(value);

function datastore(input: ClusterConfigInput, database: string, maxConns: number): string {
  const { host, port, user, password } = input.postgres;
  return `      sql:
        pluginName: "postgres12"
        databaseName: ${quote(database)}
        connectAddr: ${quote(`${host}:${port}`)}
        connectProtocol: "tcp"
        user: ${quote(user)}
        password: ${quote(password)}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
}

/**
 * The server config for one service process, in the shape of the module's
 * `config/development-postgres12.yaml`. Every process gets the whole services section (they find
 * each other through it and the membership table) but its own metrics port: one port per process.
 */
export function renderClusterConfig(input: ClusterConfigInput, service: ClusterService): string {
  const services = Object.entries(input.ports)
    .map(
      ([name, ports]) => `  ${name}:
    rpc:
      grpcPort: ${ports.grpc}
      membershipPort: ${ports.membership}
      bindOnLocalHost: true${name === 'frontend' ? `\n      httpPort: ${input.httpPort}` : ''}`,
    )
    .join('\n');
  return `# Written by @unionflow/devstack (pnpm start --cluster); regenerated on every start.
log:
  stdout: true
  level: warn

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${input.shards}
  datastores:
    postgres-default:
${datastore(input, input.databases.main, 20)}
    postgres-visibility:
${datastore(input, input.databases.visibility, 4)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  pprof:
    port: 0
  metrics:
    prometheus:
      framework: "tally"
      timerType: "histogram"
      listenAddress: ${quote(`127.0.0.1:${input.ports[service].metrics}`)}

services:
${services}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: ${quote(`127.0.0.1:${input.ports.frontend.grpc}`)}

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: ${quote(input.dynamicConfigFile)}
  pollInterval: "10s"
`;
}

/**
 * Dynamic config: what the dev server turns on for us (eager activities, Update-with-Start), and
 * a short namespace cache refresh so a namespace registered at start-up is usable within seconds.
 */
export const CLUSTER_DYNAMIC_CONFIG = `system.enableActivityEagerExecution:
  - value: true
frontend.enableUpdateWorkflowExecution:
  - value: true
frontend.enableExecuteMultiOperation:
  - value: true
system.namespaceCacheRefreshInterval:
  - value: 2s
`;
