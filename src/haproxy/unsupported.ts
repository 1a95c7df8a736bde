import { LoadBalancerModel } from '../core/model/load-balancer-model';

/**
 * What the model may hold that the HAProxy data plane does not compile (yet), each with why. The
 * export refuses such a model with one line rather than write a config that behaves differently.
 */
export const UNSUPPORTED_FEATURES = {
  authenticate: { name: 'sign-in action', why: 'sign-in actions (authenticate-oidc, authenticate-cognito) need the session cookie and identity-provider flow of the node plane' },
  jwtValidation: { name: 'JWT validation', why: 'jwt-validation actions need JWKS fetching and RS256 checks, which HAProxy 2.6 does not do' },
  transforms: { name: 'rule transform', why: 'host-header and URL rewrite transforms (AWS regex dialect) are not compiled yet' },
  lambda: { name: 'Lambda target group', why: 'Lambda targets are invoked in-process by the node plane' },
  mutualTls: { name: 'mutual TLS', why: 'mutual TLS (passthrough, verify with trust stores and revocation lists) is not compiled yet' },
  anomalyMitigation: { name: 'anomaly mitigation', why: 'anomaly mitigation (weighted_random steering away from anomalous targets) has no HAProxy equivalent' },
  protocolVersion: { name: 'target protocol version', why: 'HTTP2 and GRPC target protocol versions are not compiled yet (HTTP1 only)' },
  xffClientPort: { name: 'X-Forwarded-For client port', why: 'X-Forwarded-For with the client port is not compiled yet' },
  udpListener: { name: 'UDP listener', why: 'HAProxy 2.6 proxies no UDP; the node plane relays UDP flows' },
  tcpUdpListener: { name: 'TCP_UDP listener', why: 'HAProxy 2.6 proxies no UDP, and half of a TCP_UDP listener would be dropped' },
  quicListener: { name: 'QUIC listener', why: 'QUIC server-ID routing of UDP datagrams has no HAProxy 2.6 equivalent' },
  tcpQuicListener: { name: 'TCP_QUIC listener', why: 'QUIC server-ID routing of UDP datagrams has no HAProxy 2.6 equivalent' },
  sharedTargetGroup: { name: 'target group shared by listeners', why: 'listeners with different idle timeouts or TLS handling on one target group would need one backend each' },
  requestHeaderNames: { name: 'renamed request headers', why: 'the mTLS and TLS request headers (X-Amzn-Mtls-*, X-Amzn-Tls-*) are not compiled yet, so neither are their new names' },
} as const;

export type UnsupportedFeature = keyof typeof UNSUPPORTED_FEATURES;

/** A model the HAProxy plane cannot express: the CLI prints the message as one line, after the command's name, and exits 2. */
export class HaproxyUnsupportedError extends Error {
  constructor(public readonly feature: UnsupportedFeature, public readonly where: string) {
    super(`${UNSUPPORTED_FEATURES[feature].name} (${where}) is not supported by the haproxy data plane; use the node plane (lbkit serve)`);
    this.name = 'HaproxyUnsupportedError';
  }
}

const refuse = (feature: UnsupportedFeature, where: string): never => { throw new HaproxyUnsupportedError(feature, where); };

/** Throws {@link HaproxyUnsupportedError} for the first feature of the model this plane does not compile. */
export function checkSupported(model: LoadBalancerModel): void {
  if (model.attributes.xffClientPort) refuse('xffClientPort', `load balancer "${model.name}"`);
  for (const group of model.lambdaTargetGroups ?? []) refuse('lambda', `route "${group.name}"`);
  for (const listener of model.listeners) {
    const where = `listener ${listener.port}`;
    if (listener.mutualAuthentication) refuse('mutualTls', where);
    if (listener.headers.requestHeaderNames) refuse('requestHeaderNames', where);
    for (const rule of listener.rules) {
      const route = `route "${rule.route}"`;
      if (rule.authenticate) refuse('authenticate', route);
      if (rule.validateJwt) refuse('jwtValidation', route);
      if (rule.transforms?.length) refuse('transforms', route);
    }
  }
  for (const group of model.targetGroups) {
    const route = `route "${group.name}"`;
    if (group.anomalyMitigation) refuse('anomalyMitigation', route);
    if (group.protocolVersion !== 'HTTP1') refuse('protocolVersion', route);
  }
}
