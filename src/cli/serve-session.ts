import { CliError } from './cli-error';
import { checkQuicServerIds, TargetMapping } from './mapping';
import { AnyLoadBalancerModel } from '../core/model/any-load-balancer-model';
import { DnsRoutingModel } from '../core/model/dns-routing-model';
import { AdminServer } from '../proxy/admin';
import { DnsServerHandle } from '../proxy/dns';
import { ProxyHandle } from '../proxy/server';
import { NetworkProxyHandle } from '../proxy/tcp/network-proxy';
import { LocalTlsProvider } from '../proxy/tls';

// What `lbkit serve` takes and returns, and the flag checks it shares with the HAProxy plane and
// `lbkit export haproxy` (kept apart from serve.ts so those import no cycle).

export interface ServeOptions {
  /** `--target route=host:port`, repeatable. */
  readonly target?: readonly string[];
  /** `--targets file.json`. */
  readonly targets?: string;
  /** `--port listener=local`, repeatable. */
  readonly port?: readonly string[];
  readonly host?: string;
  readonly timeScale?: string;
  readonly watch?: boolean;
  readonly adminPort?: string;
  readonly caDir?: string;
  /** `--domain`, repeatable: names for imported certificates. */
  readonly domain?: readonly string[];
  /** A file, or `-` for stdout. */
  readonly accessLog?: string;
  /** `--connection-log`: a file, or `-` for stdout. */
  readonly connectionLog?: string;
  /** `--lb name`: which load balancer when the file holds several. */
  readonly lb?: string;
  /** pino level for the proxy's own log on stderr; default info (health changes, deregistrations, warnings). */
  readonly logLevel?: string;
  /** `human` (default): one readable line per event; `json`: pino's JSON lines. */
  readonly logFormat?: string;
  /** `--rewrite-redirect-ports`: redirects carry the local listener ports (for browsers) instead of AWS's. */
  readonly rewriteRedirectPorts?: boolean;
  /** `--dns host:port`: answer the file's Route 53 (GlobalFailover) records there. */
  readonly dns?: string;
  /** `--endpoint name=host:port`, repeatable: the local stand-in of each GlobalFailover endpoint. */
  readonly endpoint?: readonly string[];
  /** `--client-region`: the AWS region latency records are answered for. */
  readonly clientRegion?: string;
  /** `--workers <n|auto>`: processes serving an application load balancer (node:cluster); default 1. */
  readonly workers?: string;
  /** `--lambda route=file.js[#handler]`, repeatable: the local handler of a Lambda route. */
  readonly lambda?: readonly string[];
  /** `--lambda-timeout <seconds>`: the Lambda functions' timeout (default 3, AWS Lambda's default). */
  readonly lambdaTimeout?: string;
  /** `--user <name|email|claims JSON>`: who the local identity provider signs in without a page. */
  readonly user?: string;
  /** `--oidc-issuer <url>`: sign in at the model's own identity providers instead of the local one. */
  readonly oidcIssuer?: string;
  /** `--jwks <issuer>=<file>`, repeatable: the JSON Web Key Set JWT validation actions of that issuer check tokens against. */
  readonly jwks?: readonly string[];
  /** `--trust-store [listener=]ca.pem`, repeatable: the CA bundle a mutual TLS verify listener checks against. */
  readonly trustStore?: readonly string[];
  /** `--revocation-list [listener=]crl.pem`, repeatable: its revocation lists (replace the model's). */
  readonly revocationList?: readonly string[];
  /** `--max-connections <n>`: client connections held at once, all listeners together. */
  readonly maxConnections?: string;
  /** `--max-connections-per-ip <n>`: client connections one client IP holds at once. */
  readonly maxConnectionsPerIp?: string;
  /** `--data-plane node|haproxy`: who serves an application load balancer; default node (this process). */
  readonly dataPlane?: string;
}

/** The data planes `lbkit serve` runs an application load balancer on. */
export const DATA_PLANES = ['node', 'haproxy'] as const;

/** The running proxy of an application or a network load balancer. */
export type LoadBalancerHandle = ProxyHandle | NetworkProxyHandle;

export interface ServeSession {
  /** The load balancer's proxy; undefined when only DNS is served. */
  readonly handle?: LoadBalancerHandle;
  readonly model?: AnyLoadBalancerModel;
  readonly targets: TargetMapping;
  readonly admin?: AdminServer;
  readonly tls?: LocalTlsProvider;
  /** The failover resolver (`--dns`). */
  readonly dns?: DnsServerHandle;
  readonly dnsModels: readonly DnsRoutingModel[];
  /** `--data-plane haproxy`: the haproxy serving the load balancer. */
  readonly haproxy?: HaproxyPlane;
  close(): Promise<void>;
}

export function numberFlag(value: string | undefined, flag: string, check: (n: number) => boolean, expected: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new CliError(`${flag}: expected ${expected}, received '${value}'`);
  return n;
}

/** Target groups a mapping does not know, as an error naming the known ones. */
export function checkRoutes(model: AnyLoadBalancerModel | undefined, targets: TargetMapping): void {
  const known = model ? model.targetGroups.map((g) => g.name) : [];
  for (const route of Object.keys(targets)) {
    if (!known.includes(route)) throw new CliError(`--target ${route}: no target group named ${route} (target groups: ${known.join(', ') || 'none'})`);
  }
  if (model) checkQuicServerIds(model.targetGroups, targets);
}

/** The haproxy serving a session: its master's pid and the temporary directory of its config (removed on close). */
export interface HaproxyPlane {
  readonly pid: number;
  readonly dir: string;
}
