export { isRunning, killOnExit, signal, stopChild, waitForExit } from './child-process';
export { dashboardSeries, OPERATIONS_DASHBOARD } from './dashboard-metrics';
export {
  EMBEDDED_PASSWORD,
  EMBEDDED_USER,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
  startEmbeddedPostgres,
} from './embedded-postgres';
export { DevstackError, isDevstackError } from './errors';
export { type Log, lastLine, silentLog } from './log';
export { findFreePort, isPortFree } from './ports';
export {
  checkPostgres,
  describeUrl,
  ensureDatabase,
  type RunningPostgres,
  type StartPostgresOptions,
  startPostgres,
} from './postgres';
export { ProcessSupervisor, type SupervisedCommand, type UnexpectedExitHandler } from './process-supervisor';
export { findRepoRoot } from './repo-root';
export { type EnsureTemporalCliOptions, ensureTemporalCli, TEMPORAL_CLI_VERSION } from './temporal-cli';
export {
  DEFAULT_HISTORY_SHARDS,
  startTemporalCluster,
  type TemporalCluster,
  type TemporalClusterOptions,
} from './temporal-cluster';
export { CLUSTER_SERVICES, type ClusterService } from './temporal-cluster-config';
export {
  checkTemporal,
  SEARCH_ATTRIBUTES,
  startTemporalDevServer,
  type TemporalDevServer,
  type TemporalDevServerOptions,
} from './temporal-server';
export {
  clusterBinariesInstalled,
  type EnsureTemporalServerOptions,
  ensureTemporalServer,
  TEMPORAL_SERVER_VERSION,
  type TemporalServerBinaries,
} from './temporal-server-install';
export { startTestCluster, type TestCluster } from './test-cluster';
export { createTestDatabase, type TestDatabase } from './test-database';
export type { TestServices } from './vitest-context';
export { type WaitForHttpOptions, waitForHttp } from './wait-for-http';
