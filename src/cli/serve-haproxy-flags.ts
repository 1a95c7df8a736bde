import { CliError } from './cli-error';
import type { ServeOptions } from './serve-session';

/** Defaults commander fills in: a flag at its default was not given. */
const NODE_ONLY_FLAGS: ReadonlyArray<[string, (o: ServeOptions) => boolean]> = [
  ['--workers', (o) => o.workers !== undefined && o.workers !== '1'],
  ['--lambda', (o) => (o.lambda?.length ?? 0) > 0],
  ['--lambda-timeout', (o) => o.lambdaTimeout !== undefined],
  ['--jwks', (o) => (o.jwks?.length ?? 0) > 0],
  ['--user', (o) => o.user !== undefined],
  ['--oidc-issuer', (o) => o.oidcIssuer !== undefined],
  ['--trust-store', (o) => (o.trustStore?.length ?? 0) > 0],
  ['--revocation-list', (o) => (o.revocationList?.length ?? 0) > 0],
  ['--connection-log', (o) => o.connectionLog !== undefined],
  ['--rewrite-redirect-ports', (o) => o.rewriteRedirectPorts === true],
  ['--dns', (o) => o.dns !== undefined],
  ['--endpoint', (o) => (o.endpoint?.length ?? 0) > 0],
  ['--client-region', (o) => o.clientRegion !== undefined],
  ['--max-connections', (o) => o.maxConnections !== undefined],
  ['--max-connections-per-ip', (o) => o.maxConnectionsPerIp !== undefined],
  ['--log-format', (o) => o.logFormat !== undefined && o.logFormat !== 'human'],
  ['--log-level', (o) => o.logLevel !== undefined && o.logLevel !== 'info'],
];

/** A serve flag the haproxy data plane does not support: one line naming it and the plane (exit 2). */
export function checkHaproxyServeFlags(options: ServeOptions): void {
  const given = NODE_ONLY_FLAGS.find(([, set]) => set(options));
  if (given) throw new CliError(`${given[0]}: not supported by the haproxy data plane (--data-plane haproxy); use --data-plane node`);
}
