import { relative } from 'path';
import { JwtStandIn, tokenCurl } from './jwt-stand-ins';
import { LambdaMapping, lambdaRoutes } from './lambda-flags';
import { TargetMapping } from './mapping';
import { AnyLoadBalancerModel, isApplicationModel } from '../core/model/any-load-balancer-model';
import { DnsRoutingModel } from '../core/model/dns-routing-model';
import { isDualStack } from '../core/model/load-balancer-model';
import { AdminServer } from '../proxy/admin';
import { DnsServerHandle } from '../proxy/dns';
import { ipv6HostFor } from '../proxy/ipv6-listeners';
import { reachableHost } from '../proxy/reachable-host';
import { Endpoint, endpointId } from '../proxy/targets/endpoint';
import { LocalTlsProvider } from '../proxy/tls';
import { LocalTrustStore } from '../proxy/tls/trust-store';

/** A path relative to the working directory when it is inside it. */
export function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

const hostPort = (host: string, port: number) => `${host.includes(':') ? `[${host}]` : host}:${port}`;

/** A path as one shell word: quoted when it holds more than safe characters (macOS's "Application Support"). */
export function shellWord(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, '\'\\\'\'')}'`;
}

/** The scheme a listener is reached with, for the printed address. */
function scheme(protocol: string): string {
  if (protocol === 'TCP_UDP') return 'tcp+udp';
  if (protocol === 'TCP_QUIC') return 'tcp+quic';
  return protocol.toLowerCase();
}

export interface ServeDescription {
  readonly file: string;
  readonly model?: AnyLoadBalancerModel;
  readonly notServed: readonly string[];
  readonly handle?: { readonly listeners: readonly { port: number; localPort: number; protocol: string }[] };
  readonly targets: TargetMapping;
  readonly host: string;
  readonly tls?: LocalTlsProvider;
  readonly admin?: AdminServer;
  readonly dns?: DnsServerHandle;
  readonly dnsModels: readonly DnsRoutingModel[];
  readonly endpoints: Readonly<Record<string, Endpoint>>;
  /** Processes serving the load balancer (`--workers`); default 1. */
  readonly workers?: number;
  /** `--rewrite-redirect-ports`: redirects carry the local ports. */
  readonly rewriteRedirectPorts?: boolean;
  /** `--lambda`: the Lambda routes' local handlers. */
  readonly lambda?: LambdaMapping;
  /** Mutual TLS verify listeners' trust stores (where each CA bundle was read from). */
  readonly trustStores?: Readonly<Record<number, LocalTrustStore>>;
  /** Sign-in actions: the identity provider used, the user it signs in, where the x-amzn-oidc-data key is published. */
  readonly signIn?: SignInDescription;
  /** JWT issuers stood in for locally (no `--jwks`): where a client gets their access tokens. */
  readonly jwtStandIns?: readonly JwtStandIn[];
  /** `--time-scale` (alarm periods are scaled like every other timer); default 1. */
  readonly timeScale?: number;
}

/** The alarms the proxy evaluates, and how fast: one line, when the model has any. */
function alarmLines(model: AnyLoadBalancerModel, timeScale: number): string[] {
  const alarms = model.monitoring?.alarms ?? [];
  if (alarms.length === 0) return [];
  const periods = [...new Set(alarms.map((a) => (a.source.kind === 'metric' ? a.source.metric.periodSeconds : a.source.periodSeconds)))];
  const scaled = periods.map((p) => (timeScale === 1 ? `${p} s` : `${p} s, scaled to ${Math.round((p / timeScale) * 1000) / 1000} s`)).join('; ');
  return [`alarms: ${alarms.length} evaluated over the proxy's metrics (period ${scaled}); state changes on stderr`];
}

export interface SignInDescription {
  /** The local identity provider's issuer; undefined with --oidc-issuer. */
  readonly localIssuer?: string;
  readonly user?: string;
  /** The kid of the x-amzn-oidc-data key. */
  readonly kid: string;
}

/** Which identity provider signs users in, and the URL an application fetches the x-amzn-oidc-data key from. */
function signInLines(d: ServeDescription): string[] {
  const s = d.signIn;
  if (!s) return [];
  const who = s.user !== undefined ? `signs in ${s.user} at once` : 'shows a sign-in form (or --user <name>)';
  const lines = [s.localIssuer
    ? `sign-in: local identity provider ${s.localIssuer} (discovery at /.well-known/openid-configuration) ${who}; the model's endpoints point to it`
    : 'sign-in: the identity providers the model names (--oidc-issuer), endpoints as written'];
  lines.push(d.admin
    ? `  x-amzn-oidc-data key (AWS: https://public-keys.auth.elb.<region>.amazonaws.com/<kid>): ${d.admin.url}/oidc/public-keys/${s.kid}`
    : '  x-amzn-oidc-data key: serve with --admin-port to publish it at http://127.0.0.1:<admin-port>/oidc/public-keys/<kid>');
  return lines;
}

/** The JWT issuers stood in for: their token endpoints (client credentials grant) and a curl that gets a token. */
function jwtStandInLines(standIns: readonly JwtStandIn[] | undefined): string[] {
  if (!standIns?.length) return [];
  return [
    'JWT issuers stood in locally (RS256 keys made at start; --jwks <issuer>=<jwks.json> to check against your own keys instead):',
    ...standIns.flatMap((s) => [`  ${s.issuer}: token endpoint ${s.tokenUrl}`, `    ${tokenCurl(s)}`]),
    '  (then: curl -H "Authorization: Bearer <access_token>" ...; extra claims: -d \'claims={"aud":"orders"}\')',
  ];
}

type ListenerLine = { port: number; localPort: number; protocol: string };

/**
 * How to follow the load balancer's redirects locally: AWS's Location names the listener port
 * (`https://api.example.com:443/`), which locally is another port; curl maps each listener
 * port to its local one with `--connect-to`. With `--rewrite-redirect-ports`, Location already
 * carries the local ports.
 */
function redirectHint(d: ServeDescription, listeners: readonly ListenerLine[], name: string): string[] {
  const model = d.model;
  if (!model || !isApplicationModel(model)) return [];
  const redirecting = model.listeners.filter((l) => [l.defaultAction, ...l.rules.map((r) => r.action)].some((a) => a.type === 'redirect'));
  const from = listeners.find((l) => redirecting.some((r) => r.port === l.port));
  if (!from) return [];
  if (d.rewriteRedirectPorts) {
    return [`redirects: Location carries the local ports (--rewrite-redirect-ports), e.g. ${listeners.map((l) => `${l.port} → ${l.localPort}`).join(', ')}`];
  }
  const protocol = from.protocol.toLowerCase();
  const url = `${protocol}://${name}${(protocol === 'http' && from.port === 80) || (protocol === 'https' && from.port === 443) ? '' : `:${from.port}`}/`;
  const address = reachableHost(d.host);
  const connectTo = listeners.map((l) => `--connect-to ${name}:${l.port}:${address.includes(':') ? `[${address}]` : address}:${l.localPort}`).join(' ');
  const cacert = d.tls ? `--cacert ${shellWord(d.tls.ca.certFile)} ` : '';
  return [
    'redirects: Location carries the listener ports, as on AWS; follow them locally with',
    `  curl -L ${cacert}${connectTo} ${url}`,
    '  (browsers: serve with --rewrite-redirect-ports to write the local ports into Location)',
  ];
}

/** The Lambda routes: each one's local handler, and those without one (502 until given with --lambda). */
function lambdaLines(model: AnyLoadBalancerModel, handlers: LambdaMapping): string[] {
  const routes = lambdaRoutes(model);
  if (routes.length === 0) return [];
  const mapped = routes.filter((r) => handlers[r]);
  const lines = mapped.length ? ['lambda:', ...mapped.map((r) => `  ${r} → ${display(handlers[r].file)}#${handlers[r].handler}`)] : [];
  const unmapped = routes.filter((r) => !handlers[r]);
  if (unmapped.length) lines.push(`Lambda routes without a handler (502 until given with --lambda <route>=<file.js[#handler]>): ${unmapped.join(', ')}`);
  return lines;
}

/** The mutual TLS listeners: verify (against which CA bundle) or passthrough, and how to call them with a client certificate. */
function mutualTlsLines(d: ServeDescription): string[] {
  const model = d.model;
  if (!model || !isApplicationModel(model)) return [];
  const mtls = model.listeners.filter((l) => l.protocol === 'HTTPS' && l.mutualAuthentication);
  if (mtls.length === 0) return [];
  const lines = ['mutual TLS:'];
  for (const l of mtls) {
    const m = l.mutualAuthentication!;
    const source = d.trustStores?.[l.port]?.source;
    lines.push(m.mode === 'verify'
      ? `  ${l.port} verify: client certificates checked against ${source ? display(source) : 'the trust store'}${m.ignoreClientCertificateExpiry ? ' (expiry ignored)' : ''}`
      : `  ${l.port} passthrough: any client certificate chain goes to the targets unchecked (X-Amzn-Mtls-Clientcert)`);
  }
  lines.push('  (a client certificate from the local client CA: lbkit client-cert <name>; then curl --cert <name>.pem --key <name>-key.pem ...)');
  return lines;
}

/** What `lbkit serve` prints at start: listeners, target mapping, unmapped groups, CA, DNS and admin addresses. */
export function describeServe(d: ServeDescription): string {
  const lines: string[] = [];
  const { model, handle } = d;
  if (model && handle) {
    lines.push(`lbkit serve: ${model.name} (${model.kind} load balancer) from ${display(d.file)}`, 'listeners:');
    for (const l of handle.listeners) lines.push(`  ${l.protocol} ${l.port} → ${scheme(l.protocol)}://${hostPort(d.host, l.localPort)}`);
    const ipv6 = isDualStack(model.ipAddressType) ? ipv6HostFor(d.host) : undefined;
    if (ipv6 !== undefined && handle.listeners.length > 0) lines.push(`  (${model.ipAddressType}: each also on [${ipv6}] at the same port, UDP excepted)`);
    lines.push('targets:');
    const mapped = model.targetGroups.filter((g) => (d.targets[g.name] ?? []).length > 0);
    for (const g of mapped) lines.push(`  ${g.name} → ${d.targets[g.name].map(endpointId).join(', ')}`);
    if (mapped.length === 0) lines.push('  (none)');
    const unmapped = model.targetGroups.filter((g) => !mapped.includes(g)).map((g) => g.name);
    const refusal = model.kind === 'application' ? '503' : 'connections closed';
    if (unmapped.length) lines.push(`unmapped target groups (${refusal} until mapped with --target <route>=<host:port>): ${unmapped.join(', ')}`);
    lines.push(...lambdaLines(model, d.lambda ?? {}));
    if ((d.workers ?? 1) > 1) lines.push(`workers: ${d.workers} processes share the listeners (health checked once, in this process)`);
    lines.push(...alarmLines(model, d.timeScale ?? 1));
  } else {
    lines.push(`lbkit serve: Route 53 records from ${display(d.file)} (no load balancer served)`);
  }
  if (d.notServed.length) lines.push(`load balancers not served (one per lbkit serve; choose with --lb <name>): ${d.notServed.join(', ')}`);
  // A name the load balancer answers for: its first certificate's (a wildcard's www), else localhost.
  const name = d.tls ? d.tls.certificates[0][0].replace(/^\*\./, 'www.') : 'localhost';
  if (d.tls) {
    const tlsListener = handle?.listeners.find((l) => l.protocol === 'HTTPS' || l.protocol === 'TLS');
    const ca = shellWord(d.tls.ca.certFile);
    const address = reachableHost(d.host);
    lines.push(`certificates: ${d.tls.certificates.map((c) => c.join(' ')).join('; ')}`);
    const example = tlsListener?.protocol === 'HTTPS'
      ? `  (curl --cacert ${ca} --resolve ${name}:${tlsListener.localPort}:${address} https://${name}:${tlsListener.localPort}/)`
      : tlsListener ? `  (openssl s_client -CAfile ${ca} -servername ${name} -connect ${hostPort(address, tlsListener.localPort)})` : '';
    lines.push(`CA: ${d.tls.ca.certFile}${example}`);
  }
  lines.push(...mutualTlsLines(d));
  lines.push(...jwtStandInLines(d.jwtStandIns));
  lines.push(...redirectHint(d, handle?.listeners ?? [], name));
  if (d.dns) {
    lines.push(`dns: udp+tcp ${hostPort(d.dns.host, d.dns.port)}  (dig @${d.dns.host} -p ${d.dns.port} ${d.dnsModels[0]?.recordName ?? '<name>'} A +short)`);
    for (const m of d.dnsModels) {
      lines.push(`  ${m.recordName} ${m.routingPolicy}:`);
      for (const r of m.records) {
        const role = r.failover ?? (r.region ? `region ${r.region}` : r.weight !== undefined ? `weight ${r.weight}` : '');
        const endpoint = d.endpoints[r.setIdentifier];
        const check = r.healthCheck ? m.healthChecks.find((h) => h.name === r.healthCheck) : undefined;
        const probe = check ? `, checked ${check.type} ${check.path ?? ''} every ${check.requestIntervalSeconds}s ×${check.failureThreshold}` : '';
        lines.push(`    ${r.setIdentifier} (${role}) → ${endpoint ? endpointId(endpoint) : 'unmapped (map with --endpoint <name>=<host:port>)'}${probe}`);
      }
    }
  }
  lines.push(...signInLines(d));
  if (d.admin) lines.push(`admin: ${d.admin.url}/targets  ${d.admin.url}/metrics  ${d.admin.url}/alarms`);
  if (d.admin) lines.push(`status page: ${d.admin.url}/`);
  return `${lines.join('\n')}\n`;
}
