import * as http from 'http';
import * as http2 from 'http2';
import * as https from 'https';
import { AddressInfo, Server as NetServer, Socket } from 'net';
import { JSONWebKeySet } from 'jose';
import type { Logger } from 'pino';
import type { AlarmReport } from './admin/alarm-status';
import { LocalMonitoring } from './alarms/local-monitoring';
import { NO_ALARMS, applicationMonitoring } from './alarms/proxy-monitoring';
import { ConnectionAdmission, gateConnections } from './connection-limits';
import { AccessLogEntry } from './http/access-log-entry';
import { configureClientConnections, onClientIdle } from './http/client-connections';
import { answerClientError } from './http/client-error';
import { logConnections } from './http/connection-log';
import { ConnectionLogEntry } from './http/connection-log-entry';
import { JwtKeySets } from './http/jwt-validation';
import { ListenerContext } from './http/listener-context';
import { LoadBalancerCounters, LoadBalancerMetrics } from './http/load-balancer-metrics';
import { GroupCounters, TargetGroupMetrics } from './http/metrics';
import { checkClientCertificates, MutualTlsListener, mutualTlsListener, mutualTlsServerOptions } from './http/mutual-tls';
import { LocalRedirectPorts } from './http/redirect';
import { logRefusedRequest } from './http/refused-request-log';
import { handleRequest } from './http/request-handler';
import { listenerHeadersOf, rawLbHeaderLines } from './http/response-headers';
import { Runtime, RuntimeLambdaOptions } from './http/runtime';
import { handleUpgrade } from './http/upgrade';
import { ipv6HostFor, Ipv6Listeners } from './ipv6-listeners';
import { LocalAlarmOptions, LocalLoadBalancerHandle, LocalLoadBalancerOptions } from './local-load-balancer';
import { LocalIdentityProvider, startLocalIdentityProvider } from './oidc/local-identity-provider';
import { SignInContext, signsIn } from './oidc/sign-in';
import { publicKeyPem, SignInKeys, signInKeys } from './oidc/sign-in-keys';
import { UserClaims } from './oidc/user-claims';
import { Endpoint, endpointId } from './targets/endpoint';
import { ExternalHealth } from './targets/health-update';
import { policyTlsOptions } from './tcp/tls-listener-settings';
import { LocalTrustStore } from './tls/trust-store';
import { isDualStack, LoadBalancerModel } from '../core/model/load-balancer-model';

export type { Endpoint } from './targets/endpoint';
export type { AccessLogEntry } from './http/access-log-entry';
export type { ConnectionLogEntry } from './http/connection-log-entry';
export type { TargetGroupMetrics } from './http/metrics';
export type { LoadBalancerMetrics } from './http/load-balancer-metrics';
export type { TargetState } from './targets/health-state';
export type { ExternalHealth, TargetHealthUpdate } from './targets/health-update';
export type { TargetGroupHealth, TlsProvider } from './local-load-balancer';
export type { RuntimeLambdaOptions } from './http/runtime';
export type { LambdaHandlerSpec } from './lambda/handler-spec';
export type { LocalIdentityProvider } from './oidc/local-identity-provider';
export type { UserClaims } from './oidc/user-claims';
export type { LocalTrustStore } from './tls/trust-store';
export type { ConnectionLimits } from './connection-limits';

/** An ALB model (from `readSynthesizedFile`) served locally; TLS certificates for its HTTPS listeners. */
export interface ProxyOptions extends LocalLoadBalancerOptions<LoadBalancerModel>, LocalAlarmOptions {
  readonly accessLog?: (entry: AccessLogEntry) => void;
  /** One entry per client connection, as the ALB's connection log: accepted (HTTP), or handshake done or failed (HTTPS). */
  readonly connectionLog?: (entry: ConnectionLogEntry) => void;
  /**
   * Health states decided elsewhere: this proxy runs no health checks and routes by the states
   * pushed to it (a worker of `startProxyCluster`, whose primary checks once for all workers).
   */
  readonly externalHealth?: ExternalHealth;
  /**
   * Redirects write the local port of a listener where the ALB writes the listener's port
   * (`https://api.example.com:8443/` for `:443`), for the request's host and the load
   * balancer's certificate names, so a browser can follow them locally.
   * @default false - Location as the ALB writes it (`:443`); curl follows it with `--connect-to`
   */
  readonly rewriteRedirectPorts?: boolean;
  /**
   * The local handlers of the model's Lambda routes (route name → file and export) and the functions' timeout.
   * @default - no handlers: every Lambda route answers 502; timeout 3 s (AWS Lambda's default)
   */
  readonly lambda?: RuntimeLambdaOptions;
  /**
   * Listener port → the trust store (CA bundle, revocation lists) a mutual TLS verify listener
   * checks client certificates against: the model names the S3 object or the uploaded file, the
   * caller reads it (`lbkit serve --trust-store`).
   * @default - none: a verify listener fails to start
   */
  readonly trustStores?: Readonly<Record<number, LocalTrustStore>>;
  /** @default - a local identity provider with a sign-in form, started when the model has a sign-in action */
  readonly signIn?: ProxySignInOptions;
  /**
   * Issuer → its JSON Web Key Set, which JWT validation actions naming that issuer check tokens against
   * (`lbkit serve --jwks <issuer>=<file>`); the proxy never fetches the model's JWKS endpoint.
   * @default - none: a request to a token-checking rule answers 500, as when AWS cannot use the JWKS endpoint
   */
  readonly jwks?: Readonly<Record<string, JSONWebKeySet>>;
}

/** How the proxy emulates the sign-in actions (authenticate-oidc, authenticate-cognito) of a model. */
export interface ProxySignInOptions {
  /**
   * The user the local identity provider signs in without a page: a name (`alice`), an email or
   * claims (`{ sub, email, ... }`). A `login_hint` on the authorize request picks another.
   * @default - none: the local identity provider shows a sign-in form
   */
  readonly user?: string | UserClaims;
  /**
   * Use the identity providers the model names (the actions' endpoints as written, Cognito's from
   * the user pool domain) instead of the local one.
   * @default false - a local identity provider is started and every action's endpoints point to it
   */
  readonly ownIdentityProvider?: boolean;
  /**
   * The client secret sent to the token endpoint (the model holds only its Secrets Manager reference).
   * @default - a placeholder, which the local identity provider accepts
   */
  readonly clientSecret?: string;
}

export interface ProxyListener {
  readonly port: number;
  readonly localPort: number;
  readonly protocol: 'HTTP' | 'HTTPS';
}

export interface ProxyHandle extends LocalLoadBalancerHandle<ProxyListener, TargetGroupMetrics> {
  /** Swaps the model: new requests use the new route table; in-flight ones finish on the old one. */
  reload(model: LoadBalancerModel, targets: Record<string, Endpoint[]>): Promise<void>;
  /** The local identity provider, once the model has a sign-in action (and `signIn.ownIdentityProvider` is off). */
  identityProvider(): LocalIdentityProvider | undefined;
  /**
   * The PEM of the public key that verifies x-amzn-oidc-data by its `kid` (AWS publishes it at
   * `https://public-keys.auth.elb.<region>.amazonaws.com/<kid>`); undefined for another kid.
   */
  oidcPublicKey(kid: string): string | undefined;
  /** The kid of the x-amzn-oidc-data key, once the model has a sign-in action. */
  oidcDataKeyId(): string | undefined;
  /** The load balancer's own counters: requests it answered itself, client connections. */
  loadBalancerMetrics(): LoadBalancerMetrics;
  /** The synthesized alarms' states over the proxy's metrics, and the last 100 transitions (`GET /alarms`). */
  alarmStatus(): AlarmReport;
  /** The metrics' last-period datapoints named as prometheus/cloudwatch_exporter names them (part of `GET /metrics`). */
  cloudWatchExposition(): string;
}

type Server = http.Server | https.Server | http2.Http2SecureServer;

/** The current runtime of each started proxy: a cluster worker reports its routing view from it. */
const runtimes = new WeakMap<ProxyHandle, () => Runtime>();

/** @internal The runtime a proxy routes new requests by (for a cluster worker's view). */
export function currentRuntime(handle: ProxyHandle): Runtime | undefined {
  return runtimes.get(handle)?.();
}

/**
 * A TLS server offering h2 and http/1.1 by ALPN. Its HTTP/1.1 side is Node's HTTP server code,
 * which reads the header limit from the server object; set it to the ALB's 64 KiB there.
 */
function h2Server(options: http2.SecureServerOptions, onRequest: (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => void) {
  const server = http2.createSecureServer({ ...options, allowHTTP1: true }, onRequest);
  (server as unknown as { maxHeaderSize: number }).maxHeaderSize = 65536;
  return server;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** @internal Warns once per call about what of the model the proxy does not emulate (a cluster's primary logs them for its workers). */
export function logNotEmulated(model: LoadBalancerModel, logger: Logger | undefined): void {
  if (model.waf.kind === 'managed' && model.waf.managedRuleGroups.length > 0) {
    logger?.warn({ ruleGroups: model.waf.managedRuleGroups }, 'WAF managed rule groups are not emulated; the per-IP rate rule is');
  }
  if (model.waf.kind === 'existing') logger?.warn({ webAclArn: model.waf.webAclArn }, 'an existing web ACL is not emulated');
  for (const g of model.targetGroups) {
    if (g.anomalyMitigation) logger?.warn({ targetGroup: g.name }, `target group ${g.name}: weighted_random anomaly mitigation is not emulated`);
  }
}

/**
 * The sign-in state of a proxy, kept across reloads: its keys (made once) and the local identity
 * provider, started the first time a model has a sign-in action.
 */
class SignInState {
  public readonly keys: SignInKeys = signInKeys();
  private provider: LocalIdentityProvider | undefined;
  private context: SignInContext | undefined;

  public constructor(private readonly options: ProxySignInOptions, private readonly host: string, private readonly logger: Logger | undefined) {}

  public async prepare(model: LoadBalancerModel): Promise<void> {
    if (!signsIn(model) || this.context) return;
    if (!this.options.ownIdentityProvider) {
      this.provider = await startLocalIdentityProvider({ user: this.options.user, host: this.host });
      this.logger?.info({ issuer: this.provider.issuer }, `sign-in actions use the local identity provider ${this.provider.issuer}`);
    }
    this.context = { keys: this.keys, localProvider: this.provider, clientSecret: this.options.clientSecret };
  }

  public current(): SignInContext | undefined {
    return this.context;
  }

  public identityProvider(): LocalIdentityProvider | undefined {
    return this.provider;
  }

  public async close(): Promise<void> {
    await this.provider?.close();
  }
}

/** Starts the local reference proxy: one server per mapped listener, all sharing the current runtime. */
export async function startProxy(options: ProxyOptions): Promise<ProxyHandle> {
  const host = options.host ?? '127.0.0.1';
  const timeScale = options.timeScale ?? 1;
  const logger = options.logger;
  // First: invalid limits refuse the options before anything starts.
  const admission = new ConnectionAdmission(options, logger);
  const health = { checksElsewhere: options.externalHealth !== undefined };
  let runtime = new Runtime(options.model, options.targets, timeScale, undefined, logger, health, options.lambda);
  options.externalHealth?.subscribe((u) => runtime.groups.get(u.targetGroup)?.adoptHealth(u.target, u.state, u.reason, u.healthySinceMs));
  logNotEmulated(options.model, logger);
  const signIn = new SignInState(options.signIn ?? {}, host, logger);
  const counters = new Map<string, GroupCounters>();
  const loadBalancer = new LoadBalancerCounters();
  const hostsOf = (g: { healthyCount(): number; unhealthyCount(): number }) => ({ healthy: g.healthyCount(), unhealthy: g.unhealthyCount() });
  const groupMetrics = (): TargetGroupMetrics[] => [
    ...[...runtime.groups.values()].map((g) => countersOf(g.name).snapshot(g.name, hostsOf(g))),
    ...[...runtime.lambdaGroups.values()].map((g) => countersOf(g.name).snapshot(g.name, hostsOf(g))),
  ];
  const monitoringOf = (model: LoadBalancerModel) => applicationMonitoring(model,
    () => ({ groups: groupMetrics(), loadBalancer: loadBalancer.snapshot(admission.openConnections) }), timeScale, options, logger);
  let monitoring: LocalMonitoring | undefined;
  const countersOf = (group: string) => {
    let c = counters.get(group);
    if (!c) counters.set(group, c = new GroupCounters());
    return c;
  };
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const listeners: ProxyListener[] = [];
  const retiring = new Map<Runtime, Promise<void>>();
  // A dual-stack ALB answers IPv6 clients too: each listener also on ::1 (or ::), same port.
  const ipv6 = new Ipv6Listeners(isDualStack(options.model.ipAddressType) ? ipv6HostFor(host) : undefined, logger);
  /** Listener ports → local ports (known once every listener is bound) and the certificate names, for redirects. */
  const redirectPorts = options.rewriteRedirectPorts ? (): LocalRedirectPorts => ({
    ports: Object.fromEntries(listeners.map((l) => [l.port, l.localPort])),
    hosts: runtime.model.certificates.flatMap((c) => (c.kind === 'managed' ? [c.domainName, ...c.alternativeNames] : [])),
  }) : undefined;

  try {
    // First: an alarm the proxy cannot evaluate refuses the model before anything listens.
    monitoring = monitoringOf(options.model);
    await signIn.prepare(options.model);
    const jwtKeys = new JwtKeySets(options.jwks);
    for (const listener of options.model.listeners) {
      const local = options.listenerPorts[listener.port];
      if (local === undefined) continue;
      const mutualTls: MutualTlsListener | undefined = listener.protocol === 'HTTPS' && listener.mutualAuthentication
        ? mutualTlsListener(listener.mutualAuthentication, listener.headers?.requestHeaderNames, options.trustStores?.[listener.port], listener.port)
        : undefined;
      const ctx: ListenerContext = {
        port: listener.port,
        protocol: listener.protocol,
        runtime: () => runtime,
        counters: countersOf,
        loadBalancer,
        accessLog: options.accessLog,
        chooseCertificate: listener.protocol === 'HTTPS' ? options.tls?.chosenCertificate?.bind(options.tls) : undefined,
        redirectPorts,
        signIn: () => signIn.current(),
        jwtKeys,
        mutualTls,
      };
      // The HTTP/2 compatibility API has the shape the handler uses (headers, url, method, socket, writeHead, pipe).
      const onRequest = (req: http.IncomingMessage | http2.Http2ServerRequest, res: http.ServerResponse | http2.Http2ServerResponse) => {
        handleRequest(ctx, req as http.IncomingMessage, res as http.ServerResponse);
      };
      let server: Server;
      if (listener.protocol === 'HTTPS') {
        if (!options.tls) throw new Error(`listener ${listener.port} is HTTPS: startProxy needs options.tls`);
        const provider = options.tls;
        const secure = {
          ...provider.defaultContext,
          // The policy's versions and ciphers; SNI contexts swap the certificate only, these stay.
          ...policyTlsOptions(listener.sslPolicy),
          ...(mutualTls ? mutualTlsServerOptions(mutualTls) : {}),
          SNICallback: (name: string, cb: (error: Error | null, context?: import('tls').SecureContext) => void) => cb(null, provider.sniContext(name)),
        };
        // HTTP/2 by ALPN when the model enables it (the ALB's default), HTTP/1.1 otherwise or for clients without h2.
        server = options.model.attributes.http2Enabled
          ? h2Server(secure, onRequest)
          : https.createServer({ ...secure, maxHeaderSize: 65536 }, onRequest);
      } else {
        server = http.createServer({ maxHeaderSize: 65536 }, onRequest);
      }
      configureClientConnections(server, runtime.idleTimeoutMs);
      if (mutualTls) checkClientCertificates(server, mutualTls);
      if (options.connectionLog) logConnections(server, listener, options.connectionLog);
      const onRefused = options.accessLog ? (socket: import('stream').Duplex, status: number, sent: number) => logRefusedRequest(ctx, socket, status, sent) : undefined;
      // The load balancer's own header lines for responses written straight to the connection (listener's current headers).
      const lbLines = () => rawLbHeaderLines(listenerHeadersOf(ctx.runtime().model, listener.port));
      server.on('timeout', (connection: Socket | http2.Http2Session) => onClientIdle(connection, onRefused, lbLines()));
      server.on('upgrade', (req: http.IncomingMessage, socket: import('stream').Duplex, head: Buffer) => handleUpgrade(ctx, req, socket, head));
      server.on('clientError', (error: NodeJS.ErrnoException, socket: import('stream').Duplex) => answerClientError(error, socket, onRefused, lbLines()));
      server.on('connection', (socket: Socket) => {
        loadBalancer.newConnections++;
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      });
      if (listener.protocol === 'HTTPS') {
        server.on('secureConnection', (socket: Socket) => {
          sockets.add(socket);
          socket.once('close', () => sockets.delete(socket));
        });
      }
      // Last: the connection limits decide before any listener above sees a connection.
      gateConnections(server, admission, () => { loadBalancer.rejectedConnections++; });
      servers.push(server);
      const localPort = await listen(server, local, host);
      await ipv6.add(server as NetServer, localPort);
      listeners.push({ port: listener.port, localPort, protocol: listener.protocol });
      logger?.debug({ port: listener.port, localPort, protocol: listener.protocol }, `listener ${listener.protocol} ${listener.port} on local port ${localPort}`);
    }
  } catch (error) {
    monitoring?.stop();
    await ipv6.close();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    await runtime.close();
    await signIn.close();
    throw error;
  }

  // Periods run from when the listeners serve.
  monitoring?.start();

  const group = (name: string) => {
    const g = runtime.groups.get(name);
    if (!g) throw new Error(`no target group named ${name}`);
    return g;
  };

  const handle: ProxyHandle = {
    listeners,
    targetHealth: () => [
      ...[...runtime.groups.values()].map((g) => ({ targetGroup: g.name, targets: g.health() })),
      ...[...runtime.lambdaGroups.values()].map((g) => ({ targetGroup: g.name, targets: g.healthEntries() })),
    ],
    metrics: groupMetrics,
    loadBalancerMetrics: () => loadBalancer.snapshot(admission.openConnections),
    alarmStatus: () => monitoring?.alarmStatus() ?? NO_ALARMS,
    cloudWatchExposition: () => monitoring?.exposition() ?? '',
    deregister: (name, id) => group(name).deregister(id),
    register: (name, endpoint) => {
      if (endpoint.quicServerId !== undefined) throw new Error(`target group ${name}: an application load balancer's targets have no QUIC server ID; give host:port`);
      group(name).register(endpoint);
      logger?.info({ targetGroup: name, target: endpointId(endpoint) }, `target ${endpointId(endpoint)} in ${name}: registered`);
    },
    identityProvider: () => signIn.identityProvider(),
    oidcPublicKey: (kid) => publicKeyPem(signIn.keys, kid),
    oidcDataKeyId: () => (signIn.current() ? signIn.keys.data.kid : undefined),
    async reload(model, targets) {
      await signIn.prepare(model);
      const previous = runtime;
      runtime = new Runtime(model, targets, timeScale, previous, logger, health, options.lambda);
      let next: LocalMonitoring | undefined;
      try {
        next = monitoringOf(model);
      } catch (e) {
        // The new model's alarms cannot be evaluated: keep serving the previous model.
        const refused = runtime;
        runtime = previous;
        await refused.close();
        throw e;
      }
      monitoring = next?.start(monitoring);
      logNotEmulated(model, logger);
      for (const s of servers) configureClientConnections(s, runtime.idleTimeoutMs);
      // In-flight requests on the previous runtime get up to its idle timeout to finish.
      retiring.set(previous, previous.retire(previous.idleTimeoutMs).then(() => { retiring.delete(previous); }));
      logger?.debug('model reloaded'); // the CLI says so itself
    },
    async close() {
      monitoring?.stop();
      const closed = Promise.all([ipv6.close(), ...servers.map((s) => new Promise((r) => { s.close(() => r(undefined)); }))]);
      for (const socket of sockets) socket.destroy();
      await closed;
      await Promise.all([runtime, ...retiring.keys()].map((r) => r.close()));
      await signIn.close();
    },
  };
  runtimes.set(handle, () => runtime);
  return handle;
}
