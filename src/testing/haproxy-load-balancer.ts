import { rmSync } from 'fs';
import { TestingKitError } from './errors';
import { localCaDirectory } from './local-tls';
import { AnyLoadBalancerModel } from './read-model';
import { freeLocalPort } from '../haproxy/free-port';
import { HaproxyPlaneHandle, startHaproxyPlane } from '../haproxy/haproxy-plane';
import { HaproxyUnsupportedError } from '../haproxy/unsupported';
import { Endpoint, endpointId } from '../proxy/targets/endpoint';

export interface HaproxyLoadBalancerOptions {
  readonly source: string;
  readonly binary: string;
  readonly model: AnyLoadBalancerModel;
  readonly targets: Readonly<Record<string, readonly Endpoint[]>>;
  readonly timeScale: number;
  /** Given (the model has TLS listeners; localTlsProvider has made the process's CA), HAProxy's certificates come from that CA. */
  readonly tls?: { readonly domains?: readonly string[] };
}

/** What the local load balancer uses of the running plane. */
export interface HaproxyLoadBalancer extends Pick<HaproxyPlaneHandle, 'listeners' | 'targetHealth' | 'deregister' | 'close'> {
  /** A target the plane was started with is registered again; a new one is compiled in and haproxy reloaded. */
  register(group: string, endpoint: Endpoint): Promise<void>;
}

/**
 * startHaproxyPlane for the testing kit: every listener on a free port of 127.0.0.1, TLS from the kit's
 * local CA (laid out in a directory for the plane, removed on close), a refused model as a TestingKitError.
 */
export async function startHaproxyLoadBalancer(options: HaproxyLoadBalancerOptions): Promise<HaproxyLoadBalancer> {
  const { source, model } = options;
  const listenerPorts: Record<number, number> = {};
  for (const l of model.listeners) {
    let port: number;
    do port = await freeLocalPort(); while (Object.values(listenerPorts).includes(port));
    listenerPorts[l.port] = port;
  }
  const caDir = options.tls ? localCaDirectory() : undefined;
  const removeCaDir = () => { if (caDir) rmSync(caDir, { recursive: true, force: true }); };
  let plane: HaproxyPlaneHandle;
  try {
    const tls = caDir ? { caDir, domains: options.tls?.domains } : undefined;
    plane = await startHaproxyPlane({ model, binary: options.binary, targets: options.targets, listenerPorts, timeScale: options.timeScale, tls });
  } catch (e) {
    removeCaDir();
    if (e instanceof HaproxyUnsupportedError) throw new TestingKitError(`${source}: dataPlane: ${e.message}`);
    throw e;
  }
  const started = plane;
  let closed: Promise<void> | undefined;
  return {
    listeners: started.listeners,
    targetHealth: () => started.targetHealth(),
    deregister: (group, id) => started.deregister(group, id),
    register: async (group, endpoint) => {
      const current = started.targets[group] ?? [];
      if (current.some((t) => endpointId(t) === endpointId(endpoint))) return started.register(group, endpoint);
      // The config names its servers: a new target (a handler on a new port) needs a recompiled config, reloaded.
      await started.reload(started.model, { ...started.targets, [group]: [...current, endpoint] });
    },
    close: () => closed ??= started.close().finally(removeCaDir),
  };
}
