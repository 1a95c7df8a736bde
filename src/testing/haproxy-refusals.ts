import { TestingKitError } from './errors';
import { AnyLoadBalancerModel } from './read-model';
import { checkHaproxySupported } from '../haproxy/compile-any';
import { findHaproxy } from '../haproxy/haproxy-process';
import { HaproxyUnsupportedError } from '../haproxy/unsupported';

/** Options of startLocalLoadBalancer only the node plane honours, each with why HAProxy cannot. */
export const NODE_PLANE_OPTIONS = {
  lambda: 'Lambda handlers are invoked in-process by the node plane',
  lambdaTimeoutSeconds: 'Lambda handlers are invoked in-process by the node plane',
  user: 'sign-in actions are served by the node plane only',
  oidcIssuer: 'sign-in actions are served by the node plane only',
  oidcClientSecret: 'sign-in actions are served by the node plane only',
  trustStore: 'mutual TLS is not compiled for HAProxy yet',
  jwks: 'JWT validation actions are served by the node plane only',
  maxConnections: 'connection limits are enforced by the node plane only',
  maxConnectionsPerIp: 'connection limits are enforced by the node plane only',
} as const;

/**
 * What must hold before the HAProxy plane starts, checked before any target server runs: no node-only
 * option given (never silently ignored), a model the plane compiles, and haproxy installed. Returns the binary.
 */
export function haproxyPlaneBinary(source: string, model: AnyLoadBalancerModel, options: Readonly<Record<string, unknown>>,
  find: () => string | undefined = findHaproxy): string {
  for (const [option, why] of Object.entries(NODE_PLANE_OPTIONS)) {
    if (options[option] !== undefined) {
      throw new TestingKitError(`${source}: ${option}: not supported by the haproxy data plane (${why}); use dataPlane 'node'`);
    }
  }
  try {
    checkHaproxySupported(model);
  } catch (e) {
    if (e instanceof HaproxyUnsupportedError) throw new TestingKitError(`${source}: dataPlane: ${e.message}`);
    throw e;
  }
  const binary = find();
  if (!binary) throw new TestingKitError(`${source}: dataPlane: the haproxy data plane needs haproxy on PATH or in /usr/sbin; install it (apt-get install haproxy)`);
  return binary;
}
