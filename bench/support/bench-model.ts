import { LoadBalancerModel } from '../../src/core/model/load-balancer-model';
import { isApplicationModel, readSynthesizedFile } from '../../src/readers';

/** The listener the bench serves: the synthesized HTTPS listener's port. */
export const BENCH_LISTENER_PORT = 443;

/** What the clients speak to the proxy: plain HTTP, or HTTPS with TLS terminated by the proxy. */
export type BenchScheme = 'http' | 'https';

/**
 * The template's ALB read back by the proxy's readers, with only its HTTPS listener. `https`: the
 * listener as synthesized (TLS, its security policy, HTTP/2 by ALPN as the ALB offers it). `http`: the
 * same listener served as plain HTTP, keeping its rules and actions (the construct has no forwarding
 * HTTP listener: port 80 only redirects), so that the HTTP rows measure the proxies without TLS.
 */
export function benchModel(file: string, scheme: BenchScheme): LoadBalancerModel {
  const albs = readSynthesizedFile(file).models.filter(isApplicationModel);
  if (albs.length !== 1) throw new Error(`${file}: expected one application load balancer, read ${albs.length}`);
  const model = albs[0];
  const https = model.listeners.find((l) => l.port === BENCH_LISTENER_PORT && l.protocol === 'HTTPS');
  if (!https) throw new Error(`${file}: no HTTPS listener on ${BENCH_LISTENER_PORT}`);
  if (scheme === 'https') return { ...model, listeners: [https] };
  const { sslPolicy, ...rest } = https;
  return { ...model, listeners: [{ ...rest, protocol: 'HTTP' }] };
}
