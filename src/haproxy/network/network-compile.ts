import { checkNetworkSupported } from './network-supported';
import { tcpBackendSection } from './tcp-backend';
import { tcpFrontendSection } from './tcp-frontend';
import { HAPROXY_TARGET_CONNECT_TIMEOUT_SECONDS } from '../../core/defaults';
import { NLB_TCP_IDLE_TIMEOUT_SECONDS } from '../../core/limits';
import { NetworkLoadBalancerModel, NlbListenerModel, NlbTargetGroupModel } from '../../core/model/network-load-balancer-model';
import { scaledMs } from '../../proxy/targets/time-scale';
import { idleTimeoutSeconds } from '../../proxy/tcp/network-proxy';
import { HAPROXY_MIN_VERSION, HaproxyCompileOptions, HaproxyConfig } from '../compile';
import { certificateFiles } from '../tls-files';
import { HaproxyUnsupportedError } from '../unsupported';

/**
 * Compiles a network load balancer's model into a self-contained HAProxy (≥ 2.6) config with the
 * node plane's semantics (src/proxy/tcp): TCP and TLS listeners as `mode tcp` frontends, target groups
 * as backends. UDP, TCP_UDP, QUIC and TCP_QUIC are refused with a HaproxyUnsupportedError.
 */
export function compileHaproxyNetwork(model: NetworkLoadBalancerModel, options: HaproxyCompileOptions): HaproxyConfig {
  checkNetworkSupported(model);
  const timeScale = options.timeScale ?? 1;
  const bindAddress = options.bindAddress ?? '127.0.0.1';
  const files: Record<string, string | Buffer> = {};
  const idleMs = (listener: NlbListenerModel) => scaledMs(idleTimeoutSeconds(listener, 'tcp'), timeScale);
  const lines = [
    `# ${model.name}: compiled by lbkit export haproxy from the network load balancer model (HAProxy >= ${HAPROXY_MIN_VERSION})`,
    'global',
    '    default-path config',
    '',
    'defaults',
    '    mode tcp',
    // Unscaled, as the node plane's target connections.
    `    timeout connect ${HAPROXY_TARGET_CONNECT_TIMEOUT_SECONDS}s`,
  ];
  for (const listener of model.listeners) {
    if (!model.targetGroups.some((g) => g.name === listener.targetGroup)) {
      throw new Error(`listener ${listener.port}: its target group "${listener.targetGroup}" is not in the model`);
    }
  }
  if (model.listeners.some((l) => l.protocol === 'TLS' && options.ports[l.port] !== undefined)) {
    if (!options.tls) throw new Error('compileHaproxyNetwork: the model has a TLS listener; options.tls (the local CA directory) is needed');
    Object.assign(files, certificateFiles(model, options.tls).files);
  }
  for (const listener of model.listeners) {
    const localPort = options.ports[listener.port];
    if (localPort === undefined) continue;
    lines.push('', ...tcpFrontendSection({ listener, localPort, bindAddress, idleMs: idleMs(listener) }));
  }
  for (const group of model.targetGroups) {
    const { idle, reencrypt } = groupTraffic(group, model.listeners.filter((l) => l.targetGroup === group.name));
    lines.push('', ...tcpBackendSection({
      group, targets: options.targets[group.name] ?? [], timeScale, idleMs: scaledMs(idle, timeScale), reencrypt,
    }));
  }
  return { config: `${lines.join('\n')}\n`, files };
}

/**
 * What a backend takes from the listeners in front of it: their idle timeout, and TLS to the targets
 * when a TLS listener forwards to a TLS group (a TCP listener passes TLS through). One backend per
 * group keeps the runtime API's names; listeners that disagree on either are refused.
 */
function groupTraffic(group: NlbTargetGroupModel, listeners: readonly NlbListenerModel[]): { idle: number; reencrypt: boolean } {
  const idles = new Set(listeners.map((l) => idleTimeoutSeconds(l, 'tcp')));
  const reencrypts = new Set(listeners.map((l) => group.protocol === 'TLS' && l.protocol === 'TLS'));
  if (idles.size > 1 || reencrypts.size > 1) {
    throw new HaproxyUnsupportedError('sharedTargetGroup', `target group "${group.name}", listeners ${listeners.map((l) => l.port).join(', ')}`);
  }
  // A group no listener forwards to carries no traffic: AWS's TCP default.
  return { idle: [...idles][0] ?? NLB_TCP_IDLE_TIMEOUT_SECONDS, reencrypt: [...reencrypts][0] ?? false };
}
