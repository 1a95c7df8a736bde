/**
 * The lbkit proxy as the bench runs it, in a process of its own (so its CPU time can be read
 * from /proc): `lbkit-child.ts <template> <localPort> <host:port,host:port> <workers>`.
 * Prints `listening <port>` once served; closes on SIGTERM/SIGINT.
 */
import { benchModel, BENCH_LISTENER_PORT } from './bench-model';
import { startProxy } from '../../src/proxy/server';

async function main(): Promise<void> {
  const [file, port, targetList, workersArg] = process.argv.slice(2);
  const model = benchModel(file);
  const endpoints = targetList.split(',').map((t) => {
    const colon = t.lastIndexOf(':');
    return { host: t.slice(0, colon), port: Number(t.slice(colon + 1)) };
  });
  const group = model.targetGroups[0].name;
  const workers = Number(workersArg ?? '1');
  const options = { model, targets: { [group]: endpoints }, listenerPorts: { [BENCH_LISTENER_PORT]: Number(port) } };
  if (workers !== 1) throw new Error('workers > 1: not available yet');
  const handle = await startProxy(options);
  process.stdout.write(`listening ${handle.listeners[0].localPort}\n`);
  const stop = () => { void handle.close().then(() => process.exit(0)); };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`lbkit-child: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
