/**
 * The lbkit proxy as the bench runs it, in a process of its own (so its CPU time can be read
 * from /proc): `lbkit-child.ts <template> <localPort> <host:port,host:port> <workers: 1|n|auto> <http|https> [<caDir>]`.
 * One worker is `startProxy` in this process; more are `startProxyCluster` (this process the primary).
 * HTTPS serves the synthesized HTTPS listener with the certificate the local CA in `caDir` issued.
 * Prints `listening <port>` once served; closes on SIGTERM/SIGINT.
 */
import { benchModel, BenchScheme, BENCH_LISTENER_PORT } from './bench-model';
import { startProxyCluster, workerCount } from '../../src/proxy/cluster';
import { startProxy } from '../../src/proxy/server';
import { createTlsProvider } from '../../src/proxy/tls/tls-provider';

async function main(): Promise<void> {
  const [file, port, targetList, workersArg, scheme, caDir] = process.argv.slice(2);
  const model = benchModel(file, scheme as BenchScheme);
  const endpoints = targetList.split(',').map((t) => {
    const colon = t.lastIndexOf(':');
    return { host: t.slice(0, colon), port: Number(t.slice(colon + 1)) };
  });
  const group = model.targetGroups[0].name;
  const workers = workerCount(workersArg ?? '1');
  const tls = scheme === 'https' ? { certificates: model.certificates, caDir } : undefined;
  const options = { model, targets: { [group]: endpoints }, listenerPorts: { [BENCH_LISTENER_PORT]: Number(port) } };
  const handle = workers === 1
    ? await startProxy({ ...options, tls: tls && createTlsProvider(tls) })
    : await startProxyCluster({ ...options, workers, tls });
  process.stdout.write(`listening ${handle.listeners[0].localPort}\n`);
  const stop = () => { void handle.close().then(() => process.exit(0)); };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`lbkit-child: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
