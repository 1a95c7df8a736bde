export { startProxyCluster } from './primary';
export type { ProxyClusterHandle, ProxyClusterOptions, WorkerView } from './primary';
export type { WorkerTargetView } from './messages';
export { workerCount } from './worker-count';
