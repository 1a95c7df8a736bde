// The entry of a `startProxyCluster` worker process (node:cluster forks it).
import cluster from 'cluster';
import { runWorker } from './worker';

if (cluster.isWorker) runWorker();
