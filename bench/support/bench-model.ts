import { LoadBalancerModel } from '../../src/core/model/load-balancer-model';
import { isApplicationModel, readSynthesizedFile } from '../../src/readers';

/** The listener the bench serves: the synthesized HTTPS listener's port. */
export const BENCH_LISTENER_PORT = 443;

/**
 * The template's ALB read back by the proxy's readers, with its HTTPS listener served as plain
 * HTTP. The construct has no forwarding HTTP listener (port 80 only redirects), and nginx and
 * HAProxy are measured without TLS, so the listener keeps its rules and actions and drops TLS.
 */
export function benchModel(file: string): LoadBalancerModel {
  const albs = readSynthesizedFile(file).models.filter(isApplicationModel);
  if (albs.length !== 1) throw new Error(`${file}: expected one application load balancer, read ${albs.length}`);
  const model = albs[0];
  const https = model.listeners.find((l) => l.port === BENCH_LISTENER_PORT && l.protocol === 'HTTPS');
  if (!https) throw new Error(`${file}: no HTTPS listener on ${BENCH_LISTENER_PORT}`);
  const { sslPolicy, ...rest } = https;
  return { ...model, listeners: [{ ...rest, protocol: 'HTTP' }] };
}
