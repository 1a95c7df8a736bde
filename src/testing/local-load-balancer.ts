import { JSONWebKeySet } from 'jose';
import { fetch as undiciFetch } from 'undici';
import { namesForImportedCertificates } from './certificate-names';
import { chooseLoadBalancer, ChooseLoadBalancerOptions } from './choose-load-balancer';
import { closeInTurn } from './close-in-turn';
import { TestingKitError } from './errors';
import { startHaproxyLoadBalancer } from './haproxy-load-balancer';
import { haproxyPlaneBinary } from './haproxy-refusals';
import { localFetch, LocalFetch } from './local-fetch';
import { localTlsProvider } from './local-tls';
import { AnyLoadBalancerModel, isApplicationModel } from './read-model';
import { SynthesizedSource } from './synthesized-output';
import { TargetServers } from './target-servers';
import { TargetSpec, TargetSpecs } from './target-spec';
import { LOCAL_DATA_PLANE } from '../core/defaults';
import { LAMBDA_TIMEOUT_MAX_SECONDS } from '../core/limits';
import type { ConnectionLimits } from '../proxy/connection-limits';
import { jwtIssuers as jwtIssuersOf } from '../proxy/http/jwt-validation';
import { LocalJwtIssuers, UnknownJwtIssuerError } from '../proxy/jwt/local-jwt-issuers';
import { LambdaHandlerSpec, parseHandlerSpec } from '../proxy/lambda/handler-spec';
import { userClaims } from '../proxy/oidc/user-claims';
import { LocalIdentityProvider, ProxySignInOptions, TargetGroupHealth, startProxy, UserClaims } from '../proxy/server';
import { Endpoint, endpointId } from '../proxy/targets/endpoint';
import { NOT_REGISTERED } from '../proxy/targets/health-state';
import { TargetHealthEntry } from '../proxy/targets/target-group';
import { startNetworkProxy } from '../proxy/tcp/network-proxy';
import { LocalTlsProvider } from '../proxy/tls';
import { ClientCertificate } from '../proxy/tls/local-ca';
import { resolveTrustStores, TrustStoreInput } from '../proxy/tls/trust-store-files';
import { findUploadedObject } from '../readers/find-uploaded-object';
import { UnmodeledProperty } from '../readers/unmodeled';

export interface LocalLoadBalancerOptions extends ChooseLoadBalancerOptions, ConnectionLimits {
  /**
   * Route (target group) name → its targets: `host:port`, a port, `{ host, port }`, an HTTP
   * handler `(req, res) => ...` (application load balancers; it also answers the health check)
   * or `{ tcp: (socket) => ... }` (network load balancers), or an array of them. Handlers are
   * served on free local ports.
   * @default - none: requests to a group without targets get the load balancer's 503
   */
  readonly targets?: TargetSpecs;
  /**
   * Health-check, draining, slow-start and idle timers run this many times faster.
   * @default 1
   */
  readonly timeScale?: number;
  /**
   * Names to issue the local certificate for when the model's certificates are imported (ARNs, no names).
   * @default - the alias records' names and the host conditions' names, else `localhost`
   */
  readonly domains?: readonly string[];
  /**
   * Lambda route name → its local handler, `file.js[#handler]` (.js, .cjs or .mjs; relative to the working
   * directory; export `handler` unless named), invoked in a worker thread with the ALB's event.
   * @default - none: a Lambda route answers 502
   */
  readonly lambda?: Readonly<Record<string, string>>;
  /**
   * The Lambda functions' timeout in seconds: past it the handler is stopped and the route answers 504.
   * @default 3 - AWS Lambda's default (scaled by timeScale like the other timers)
   */
  readonly lambdaTimeoutSeconds?: number;
  /**
   * Sign-in actions: the user the local identity provider signs in without a page, as a name
   * (`alice`: sub `alice`, email `alice@example.com`), an email or claims (`{ sub, ... }`).
   * `signIn(url, user)` picks another per call.
   * @default - none: the local identity provider shows a sign-in form (signIn needs a user then)
   */
  readonly user?: string | UserClaims;
  /**
   * Sign-in actions: use the model's own identity providers (endpoints as written) instead of the
   * local one; the issuer must be one a sign-in action names.
   * @default - the local identity provider, to which every action's endpoints point
   */
  readonly oidcIssuer?: string;
  /**
   * The client secret sent to the token endpoint of `oidcIssuer` (the model only references it in Secrets Manager).
   * @default - a placeholder
   */
  readonly oidcClientSecret?: string;
  /**
   * The trust store of every mutual TLS verify listener: the CA bundle (PEM text or a file path,
   * e.g. `clientCertificateAuthority().caBundlePem`) and revocation lists, replacing what the model names.
   * @default - the uploaded files beside a synthesized file given by path; an S3 object needs this option
   */
  readonly trustStore?: TrustStoreInput;
  /**
   * JWT validation actions: issuer → the JSON Web Key Set tokens are checked against, replacing the
   * local keys (then `jwt(...)` cannot sign; sign with your own keys).
   * @default - an RS256 key pair per issuer the model names, made at start; `jwt(...)` signs with it
   */
  readonly jwks?: Readonly<Record<string, JSONWebKeySet>>;
  /**
   * Who serves the load balancer: `node`, lbkit's proxy in this process, or `haproxy`, the load balancer
   * compiled to an HAProxy config (as `lbkit export haproxy`) and run by the haproxy binary on free
   * ports, with the same targets and local CA: load-test your service behind the proxy you will run.
   * HAProxy refuses (TestingKitError) the node-only options (lambda, user, oidcIssuer, trustStore, jwks,
   * connection limits) and the models it does not compile (see docs/haproxy-data-plane.md).
   * @default 'node' - in process, nothing to install, every feature served
   */
  readonly dataPlane?: 'node' | 'haproxy';
}

/** One served listener: the model's port and protocol and the free local port it runs on. */
export interface LocalListener {
  readonly port: number;
  readonly localPort: number;
  readonly protocol: string;
}

/** A load balancer running in this process from synthesized output. */
export interface LocalLoadBalancer {
  /** The load balancer read from the output. */
  readonly model: AnyLoadBalancerModel;
  /**
   * Properties of the output lbkit does not model (escape-hatch overrides such as a
   * `routing.http.preserve_host_header.enabled` attribute), which the local load balancer ignores:
   * one entry per resource and property, for a test to assert on or print (the kit prints nothing).
   */
  readonly unmodeled: readonly UnmodeledProperty[];
  readonly listeners: readonly LocalListener[];
  /** The local identity provider (sign-in actions without `oidcIssuer`): its issuer and endpoints. */
  readonly identityProvider?: LocalIdentityProvider;
  /** PEM of the local CA that signed the listeners' certificates (TLS listeners only). */
  readonly caCertificate?: string;
  /**
   * undici's fetch to the local listener for the URL's scheme and port, keeping the URL's host
   * (Host header, SNI) and trusting the local CA: `lb.fetch('https://api.example.com/orders/1')`.
   */
  readonly fetch: LocalFetch;
  /**
   * {@link fetch} presenting a client certificate on its TLS connections (mutual TLS listeners):
   * `lb.fetchWithCertificate(ca.issueClientCertificate('alice'))('https://api.example.com/')`.
   */
  fetchWithCertificate(certificate: Pick<ClientCertificate, 'certPem' | 'keyPem'>): LocalFetch;
  /**
   * `https://127.0.0.1:<port>` of the listener for a scheme or model port.
   * @param listener `https`, `http`, or a model listener port; default the HTTPS (TLS) listener, else the first
   */
  url(listener?: 'http' | 'https' | number): string;
  /** The local port of a model listener port. */
  port(listener: number): number;
  /** The targets registered in a route's target group now. */
  targets(route: string): Endpoint[];
  /** Every target group's targets and their health states. */
  targetHealth(): TargetGroupHealth[];
  /** One route's targets and their health states. */
  targetHealth(route: string): TargetHealthEntry[];
  /**
   * Resolves when `count` targets (default 1) of the route are healthy; polls every 10 ms, for at
   * most `timeoutMs` (default: the group's healthy threshold of checks at its interval, scaled, plus 2 s).
   */
  waitForHealthy(route: string, count?: number, timeoutMs?: number): Promise<void>;
  /** Deregisters (drains) a target: `host:port` or an endpoint; resolves when drained or the (scaled) delay ends. */
  deregister(route: string, target: string | Endpoint): Promise<void>;
  /** Registers a target (a handler is served on a free port); resolves to its endpoint. */
  register(route: string, target: TargetSpec): Promise<Endpoint>;
  /**
   * Signs a user in through the whole redirect dance of a sign-in action — the URL's rule redirects
   * to the local identity provider, which signs the user in at once and redirects to
   * `/oauth2/idpresponse`, where the load balancer sets its session cookies — and resolves to
   * the Cookie header that carries the session: `lb.fetch(url, { headers: { cookie } })`.
   * @param url a URL whose rule has a sign-in action, e.g. `https://app.example.com/orders`
   * @param user a name, an email or claims; default the `user` option
   * @param certificate a client certificate to present on a mutual TLS verify listener (as the
   *   browser does); then fetch with the same one: `lb.fetchWithCertificate(certificate)(url, { headers: { cookie } })`
   */
  signIn(url: string, user?: string | UserClaims, certificate?: Pick<ClientCertificate, 'certPem' | 'keyPem'>): Promise<string>;
  /**
   * JWT validation actions: a bearer token the load balancer accepts, signed (RS256) by the local key
   * of `issuer`, with `iss`, `iat`, an `exp` an hour away and `claims` (which may replace any of them):
   * `lb.fetch(url, { headers: { authorization: 'Bearer ' + await lb.jwt({ scope: 'read' }) } })`.
   * @param claims e.g. `{ sub: 'svc', scope: 'orders:read' }` or `{ exp: 0 }` for an expired token
   * @param issuer needed when the model's actions name more than one issuer
   */
  jwt(claims?: Record<string, unknown>, issuer?: string): Promise<string>;
  /**
   * The PEM of the key that verifies x-amzn-oidc-data, by the `kid` of its header: what AWS serves at
   * `https://public-keys.auth.elb.<region>.amazonaws.com/<kid>`. Undefined for another kid.
   */
  oidcPublicKey(kid: string): string | undefined;
  /** Stops the listeners, the handler servers and the health checks. */
  close(): Promise<void>;
}

interface RunningProxy {
  readonly listeners: readonly LocalListener[];
  identityProvider?(): LocalIdentityProvider | undefined;
  oidcPublicKey?(kid: string): string | undefined;
  targetHealth(): TargetGroupHealth[];
  deregister(targetGroup: string, targetId: string): Promise<void>;
  /** The HAProxy plane resolves once a new target is compiled in and haproxy reloaded. */
  register(targetGroup: string, endpoint: Endpoint): void | Promise<void>;
  close(): Promise<void>;
}

/** The `lambda` option parsed: each route must be one of the model's Lambda routes. */
function lambdaHandlers(source: string, model: AnyLoadBalancerModel, specs: Readonly<Record<string, string>>): Record<string, LambdaHandlerSpec> {
  const routes = isApplicationModel(model) ? (model.lambdaTargetGroups ?? []).map((g) => g.name) : [];
  const out: Record<string, LambdaHandlerSpec> = {};
  for (const [route, spec] of Object.entries(specs)) {
    if (!routes.includes(route)) {
      throw new TestingKitError(`${source}: lambda.${route}: load balancer ${model.name} has no Lambda route named ${route} (Lambda routes: ${routes.join(', ') || 'none'})`);
    }
    try {
      out[route] = parseHandlerSpec(spec);
    } catch (e) {
      throw new TestingKitError(`${source}: lambda.${route}: ${(e as Error).message}`);
    }
  }
  return out;
}

/** The sign-in options checked: `user` and `oidcIssuer` need a sign-in action and exclude each other. */
function signInOptions(source: string, model: AnyLoadBalancerModel, options: LocalLoadBalancerOptions): ProxySignInOptions {
  const issuers = isApplicationModel(model)
    ? [...new Set(model.listeners.flatMap((l) => l.rules.flatMap((r) => (r.authenticate?.type === 'authenticate-oidc' ? [r.authenticate.issuer] : []))))]
    : [];
  const signsIn = isApplicationModel(model) && model.listeners.some((l) => l.rules.some((r) => r.authenticate));
  if ((options.user !== undefined || options.oidcIssuer !== undefined) && !signsIn) {
    throw new TestingKitError(`${source}: ${options.user !== undefined ? 'user' : 'oidcIssuer'}: load balancer ${model.name} has no sign-in action`);
  }
  if (options.user !== undefined && options.oidcIssuer !== undefined) throw new TestingKitError(`${source}: user: with oidcIssuer the user signs in at that identity provider`);
  if (options.oidcIssuer !== undefined && !issuers.includes(options.oidcIssuer)) {
    throw new TestingKitError(`${source}: oidcIssuer: no sign-in action names ${options.oidcIssuer} (issuers: ${issuers.join(', ') || 'none'})`);
  }
  if (options.user !== undefined) {
    try {
      userClaims(options.user);
    } catch (e) {
      throw new TestingKitError(`${source}: ${(e as Error).message}`);
    }
  }
  return options.oidcIssuer !== undefined ? { ownIdentityProvider: true, clientSecret: options.oidcClientSecret } : { user: options.user };
}

function needsTls(model: AnyLoadBalancerModel): boolean {
  return isApplicationModel(model) ? model.listeners.some((l) => l.protocol === 'HTTPS') : model.listeners.some((l) => l.protocol === 'TLS');
}

/**
 * Starts a lbkit load balancer from a CDK `Stack`, a cdktf `TerraformStack`, a synthesized file
 * or its JSON, in this process: every listener on a free port of 127.0.0.1, targets mapped to
 * handlers or host:port, TLS from a local CA kept in memory. Close it when done. With
 * `dataPlane: 'haproxy'` the listeners are a haproxy child process's (free ports too, the same CA).
 */
export async function startLocalLoadBalancer(input: SynthesizedSource, options: LocalLoadBalancerOptions = {}): Promise<LocalLoadBalancer> {
  const { model, source, unmodeled } = chooseLoadBalancer(input, options);
  if (model.listeners.length === 0) throw new TestingKitError(`${source}: load balancer ${model.name} has no listeners: nothing to serve`);
  const groups = new Map<string, string>(model.targetGroups.map((g) => [g.name, g.protocol]));
  const checkRoute = (route: string, where: string): void => {
    if (!groups.has(route)) {
      throw new TestingKitError(`${source}: ${where}: load balancer ${model.name} has no target group named ${route} (target groups: ${[...groups.keys()].join(', ') || 'none'})`);
    }
  };
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0 && timeScale <= 1000)) throw new TestingKitError(`${source}: timeScale: expected a number above 0 and at most 1000, received ${timeScale}`);
  for (const route of Object.keys(options.targets ?? {})) checkRoute(route, `targets.${route}`);
  const plane = options.dataPlane ?? LOCAL_DATA_PLANE;
  if (plane !== 'node' && plane !== 'haproxy') throw new TestingKitError(`${source}: dataPlane: expected 'node' or 'haproxy', received ${JSON.stringify(plane)}`);
  // Checked before any target server starts: nothing to close when HAProxy cannot serve this.
  const haproxyBinary = plane === 'haproxy' ? haproxyPlaneBinary(source, model, { ...options }) : undefined;
  const handlers = lambdaHandlers(source, model, options.lambda ?? {});
  const lambdaTimeout = options.lambdaTimeoutSeconds;
  if (lambdaTimeout !== undefined && !(lambdaTimeout > 0 && lambdaTimeout <= LAMBDA_TIMEOUT_MAX_SECONDS)) {
    throw new TestingKitError(`${source}: lambdaTimeoutSeconds: expected seconds above 0 and at most ${LAMBDA_TIMEOUT_MAX_SECONDS}, received ${lambdaTimeout}`);
  }

  const servers = new TargetServers(source);
  /** Every endpoint handed to the proxy, by target id: targets() answers with them, not by re-parsing ids (IPv6 hosts hold colons). */
  const registered = new Map<string, Endpoint>();
  const remember = (endpoint: Endpoint): Endpoint => {
    registered.set(endpointId(endpoint), endpoint);
    return endpoint;
  };
  const groupOf = (route: string) => ({ kind: model.kind, protocol: groups.get(route)! });
  let proxy: RunningProxy | undefined;
  let tls: LocalTlsProvider | undefined;
  let jwtIssuers: LocalJwtIssuers;
  try {
    const targets: Record<string, Endpoint[]> = {};
    for (const [route, specs] of Object.entries(options.targets ?? {})) {
      const list: readonly TargetSpec[] = Array.isArray(specs) ? specs : [specs as TargetSpec];
      targets[route] = [];
      for (const spec of list) targets[route].push(remember(await servers.endpoint(route, groupOf(route), spec)));
    }
    const domains = options.domains ?? namesForImportedCertificates(model);
    tls = needsTls(model) ? localTlsProvider(model.certificates, domains) : undefined;
    const listenerPorts = Object.fromEntries(model.listeners.map((l) => [l.port, 0]));
    const signIn = signInOptions(source, model, options);
    const trustStores = isApplicationModel(model) ? resolveTrustStores(model, {
      given: options.trustStore ? { '*': options.trustStore } : {},
      // Uploaded trust-store files are found beside a synthesized file given by path.
      findUploaded: typeof input === 'string' && !input.trimStart().startsWith('{') ? (sha256) => findUploadedObject(input, sha256) : undefined,
      flags: { caBundle: () => 'the trustStore option ({ caBundle: <PEM or file> })', revocationList: () => 'trustStore.revocationLists' },
      fail: (message) => new TestingKitError(`${source}: ${message}`),
    }).stores : {};
    jwtIssuers = await LocalJwtIssuers.create(options.jwks ? [] : jwtIssuersOf(model));
    const jwks = options.jwks ?? jwtIssuers.keySets();
    const { maxConnections, maxConnectionsPerIp } = options;
    const common = { targets, listenerPorts, timeScale, tls, maxConnections, maxConnectionsPerIp };
    const startNodePlane = (): Promise<RunningProxy> => (isApplicationModel(model)
      ? startProxy({ ...common, model, lambda: { handlers, timeoutSeconds: lambdaTimeout }, signIn, trustStores, jwks })
      : startNetworkProxy({ ...common, model }));
    proxy = haproxyBinary !== undefined
      ? await startHaproxyLoadBalancer({ source, binary: haproxyBinary, model, targets, timeScale, tls: tls ? { domains } : undefined })
      : await startNodePlane();
  } catch (e) {
    await servers.close();
    throw e;
  }
  const running = proxy;
  const listeners = running.listeners;

  const listenerOf = (wanted: 'http' | 'https' | number | undefined): LocalListener => {
    const found = typeof wanted === 'number' ? listeners.find((l) => l.port === wanted)
      : wanted === undefined ? listeners.find((l) => l.protocol === 'HTTPS' || l.protocol === 'TLS') ?? listeners[0]
        : listeners.find((l) => l.protocol === wanted.toUpperCase());
    if (!found) {
      throw new TestingKitError(`${source}: load balancer ${model.name} has no ${typeof wanted === 'number' ? `listener on port ${wanted}` : `${wanted} listener`} (listeners: ${listeners.map((l) => `${l.port} ${l.protocol}`).join(', ')})`);
    }
    return found;
  };
  const portOf = (scheme: 'http' | 'https', port: number): number => {
    const l = listeners.find((x) => x.port === port);
    const protocol = scheme === 'https' ? 'HTTPS' : 'HTTP';
    if (!l || l.protocol !== protocol) {
      throw new TestingKitError(`${source}: fetch: load balancer ${model.name} has no ${protocol} listener on port ${port} (listeners: ${listeners.map((x) => `${x.port} ${x.protocol}`).join(', ')})`);
    }
    return l.localPort;
  };
  const client = localFetch(source, portOf, tls?.ca.certPem);
  const withCertificates: Array<{ close(): Promise<void> }> = [];
  const healthOf = (route: string): TargetHealthEntry[] => {
    // A Lambda route's one target is its function (describe-target-health: unavailable while checks are off).
    if (!(route in handlers) && !(isApplicationModel(model) && model.lambdaTargetGroups?.some((g) => g.name === route))) checkRoute(route, 'targetHealth');
    return running.targetHealth().find((g) => g.targetGroup === route)?.targets ?? [];
  };

  /** How long the first checks take to make a target healthy: threshold × interval plus a timeout, scaled. */
  const healthyWithinMs = (route: string): number => {
    const hc = model.targetGroups.find((g) => g.name === route)?.healthCheck;
    return hc ? Math.ceil(((hc.healthyThreshold * hc.intervalSeconds + hc.timeoutSeconds) * 1000) / timeScale) + 2000 : 2000;
  };

  let closed: Promise<void> | undefined;
  const lb: LocalLoadBalancer = {
    model,
    unmodeled,
    listeners,
    caCertificate: tls?.ca.certPem,
    url: (wanted) => {
      const l = listenerOf(wanted);
      return `${l.protocol.toLowerCase()}://127.0.0.1:${l.localPort}`;
    },
    port: (listener) => listenerOf(listener).localPort,
    fetch: client.fetch,
    fetchWithCertificate: (certificate) => {
      const f = localFetch(source, portOf, tls?.ca.certPem, certificate);
      withCertificates.push(f);
      return f.fetch;
    },
    // The proxy only has targets the kit gave it; a draining one is listed until its delay ends but no longer registered
    // (the HAProxy plane keeps listing it after, unused: its config still names the server).
    targets: (route) => healthOf(route).filter((t) => t.state !== 'draining' && !(t.state === 'unused' && t.reason === NOT_REGISTERED))
      .map((t) => registered.get(t.id)!),
    targetHealth: ((route?: string) => (route === undefined ? running.targetHealth() : healthOf(route))) as LocalLoadBalancer['targetHealth'],
    async waitForHealthy(route, count = 1, timeoutMs = healthyWithinMs(route)) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const states = healthOf(route);
        if (states.filter((t) => t.state === 'healthy').length >= count) return;
        if (Date.now() > deadline) {
          throw new TestingKitError(`${source}: waitForHealthy: ${route} has ${states.filter((t) => t.state === 'healthy').length} healthy target(s) of ${count} wanted after ${timeoutMs} ms (${states.map((t) => `${t.id} ${t.state}`).join(', ') || 'no targets'})`);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async deregister(route, target) {
      checkRoute(route, 'deregister');
      const id = typeof target === 'string' ? target : endpointId(target);
      if (!healthOf(route).some((t) => t.id === id)) {
        throw new TestingKitError(`${source}: deregister: ${route} has no target ${id} (targets: ${healthOf(route).map((t) => t.id).join(', ') || 'none'})`);
      }
      await running.deregister(route, id);
    },
    async register(route, target) {
      checkRoute(route, 'register');
      const endpoint = remember(await servers.endpoint(route, groupOf(route), target));
      await running.register(route, endpoint);
      return endpoint;
    },
    identityProvider: running.identityProvider?.(),
    oidcPublicKey: (kid) => running.oidcPublicKey?.(kid),
    jwt: (claims = {}, issuer) => localToken(source, jwtIssuers, claims, issuer),
    async signIn(url, user = options.user, certificate) {
      const provider = running.identityProvider?.();
      if (!provider) throw new TestingKitError(`${source}: signIn: no local identity provider runs (${options.oidcIssuer ? 'oidcIssuer is set' : `load balancer ${model.name} has no sign-in action`})`);
      if (user === undefined) throw new TestingKitError(`${source}: signIn: no user (give one, or the user option)`);
      // With a certificate, the dance's two requests to the load balancer present it (a mutual TLS verify listener asks every client).
      const via = certificate ? localFetch(source, portOf, tls?.ca.certPem, certificate) : undefined;
      try {
        return await signInWith(via ?? client, provider, url, user);
      } finally {
        await via?.close();
      }
    },
    close: () => closed ??= closeInTurn([() => client.close(), () => Promise.all(withCertificates.map((f) => f.close())).then(() => undefined),
      () => running.close(), () => servers.close()]),
  };
  /** The redirect dance of signIn over one fetch. */
  async function signInWith(via: { fetch: LocalFetch }, provider: LocalIdentityProvider, url: string, user: string | UserClaims): Promise<string> {
    const first = await via.fetch(url, { redirect: 'manual' });
    await first.body?.cancel();
    const authorize = first.headers.get('location');
    if (first.status !== 302 || !authorize?.startsWith(provider.authorizationEndpoint)) {
      throw new TestingKitError(`${source}: signIn: ${url} answered ${first.status}${authorize ? ` → ${authorize}` : ''}, not a redirect to the identity provider (is its rule's onUnauthenticatedRequest authenticate?)`);
    }
    const hinted = new URL(authorize);
    hinted.searchParams.set('login_hint', typeof user === 'string' ? user : JSON.stringify(user));
    const idp = await undiciFetch(hinted, { redirect: 'manual' });
    await idp.body?.cancel();
    const callback = idp.headers.get('location');
    if (idp.status !== 302 || !callback) throw new TestingKitError(`${source}: signIn: the identity provider answered ${idp.status}`);
    // The AWSALBAuthNonce cookie of the first redirect goes back with the callback, as a browser sends it.
    const nonce = first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const back = await via.fetch(callback, { redirect: 'manual', headers: { cookie: nonce } });
    await back.body?.cancel();
    const cookies = back.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => !c.endsWith('='));
    if (back.status !== 302 || cookies.length === 0) throw new TestingKitError(`${source}: signIn: /oauth2/idpresponse answered ${back.status}`);
    return cookies.join('; ');
  }
  return lb;
}

/** `lb.jwt(...)`: a token of the local issuer, the proxy's refusals as the testing kit's errors. */
async function localToken(source: string, issuers: LocalJwtIssuers, claims: Record<string, unknown>, issuer: string | undefined): Promise<string> {
  if (issuers.issuers().length === 0) throw new TestingKitError(`${source}: jwt: the load balancer has no JWT validation action, or the jwks option replaced its keys`);
  try {
    return await issuers.token(claims, issuer);
  } catch (e) {
    if (e instanceof UnknownJwtIssuerError) throw new TestingKitError(`${source}: jwt: ${e.message}`);
    throw e;
  }
}
