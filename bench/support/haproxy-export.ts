/**
 * The bench model compiled for HAProxy by lbkit's compiler (compileHaproxy) and written as `lbkit export
 * haproxy` writes it (writeHaproxyFiles), run as plain JS like lbkit-child:
 * `haproxy-export.js <template> <localPort> <host:port,host:port> <http|https> <caDir> <outDir>`.
 * Prints the path of the haproxy.cfg written.
 */
import { benchModel, BenchScheme, BENCH_LISTENER_PORT } from './bench-model';
import { compileHaproxy, writeHaproxyFiles } from '../../src/haproxy';

const [file, port, targetList, scheme, caDir, outDir] = process.argv.slice(2);
const model = benchModel(file, scheme as BenchScheme);
const endpoints = targetList.split(',').map((t) => {
  const colon = t.lastIndexOf(':');
  return { host: t.slice(0, colon), port: Number(t.slice(colon + 1)) };
});
const compiled = compileHaproxy(model, {
  targets: { [model.targetGroups[0].name]: endpoints },
  ports: { [BENCH_LISTENER_PORT]: Number(port) },
  tls: { caDir },
});
process.stdout.write(`${writeHaproxyFiles(outDir, compiled)}\n`);
