import { join } from 'path';
import * as fc from 'fast-check';
import { CERT_ARN_1, CERT_ARN_2, EngineOptions } from './engines';
import { monitoringOptionsArb } from './monitoring-options.arbitrary';
import { MTLS_FIXTURES } from './mtls';
import { Authentication } from '../../src/core/options/authentication';
import { AuthenticationOptions, ClientSecret } from '../../src/core/options/authentication-options';
import {
  DesyncMitigationMode, LoadBalancingAlgorithm, RedirectStatus, RequestDuration, StickinessType, TargetProtocol,
  TargetProtocolVersion, TargetType, XForwardedForMode, IpAddressType, UnauthenticatedRequestBehavior,
} from '../../src/core/options/enums';
import { HealthCheckOptions } from '../../src/core/options/health-check-options';
import { MutualTlsMode, MutualTlsOptions, TrustStoreObject } from '../../src/core/options/mutual-tls-options';
import { FrameOptions } from '../../src/core/options/response-header-options';
import { RouteAction } from '../../src/core/options/route-action';
import { RouteOptions } from '../../src/core/options/route-options';
import { planWebApi } from '../../src/core/plan/web-api-plan';
import { FACTS } from '../core/fixtures';

/**
 * Valid WebApiLoadBalancer options within ALB's limits, for property tests: routes with
 * random condition kinds (at most 5 values per rule; none hidden by an earlier one), actions of every kind, health checks
 * within their ranges, stickiness, algorithms consistent with the slow-start and anomaly
 * mitigation rules, Lambda routes, sign-in (OIDC and Cognito) before route actions, WAF / access-log / redirect toggles,
 * idle timeout, certificates, and alarms, alarm actions and the dashboard.
 */

const ROUTE_NAMES = ['api', 'web', 'auth', 'img', 'ws', 'admin', 'search', 'upload'];

type Conditions = Pick<RouteOptions, 'hosts' | 'paths' | 'methods' | 'headers' | 'queryStrings' | 'sourceIps'>;

const conditionKinds: fc.Arbitrary<Conditions>[] = [
  fc.subarray(['api.example.com', '*.example.com', 'www.example.com', 'a?.example.com'], { minLength: 1, maxLength: 2 }).map((hosts) => ({ hosts })),
  fc.subarray(['/api/*', '/v1/*', '/v2/users/*', '/health/deep', '/static/*', '/x?'], { minLength: 1, maxLength: 2 }).map((paths) => ({ paths })),
  fc.subarray(['GET', 'POST', 'PUT', 'DELETE'], { minLength: 1, maxLength: 2 }).map((methods) => ({ methods })),
  fc.subarray([
    { name: 'x-canary', values: ['always'] },
    { name: 'X-Tenant', values: ['a*'] },
    { name: 'accept', values: ['application/json'] },
  ], { minLength: 1, maxLength: 1 }).map((headers) => ({ headers })),
  fc.subarray([{ key: 'v', value: '2' }, { value: 'debug' }], { minLength: 1, maxLength: 1 }).map((queryStrings) => ({ queryStrings })),
  fc.subarray(['10.0.0.0/8', '192.168.1.0/24', '2001:db8::/32'], { minLength: 1, maxLength: 1 }).map((sourceIps) => ({ sourceIps })),
];

/** 1–3 kinds of condition with 1–2 values each (≤ 5 values, ≤ 5 wildcards), or none. */
const conditionsArb: fc.Arbitrary<Conditions> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.uniqueArray(fc.nat({ max: conditionKinds.length - 1 }), { minLength: 1, maxLength: 3 }).chain((kinds) =>
      fc.tuple(...kinds.map((k) => conditionKinds[k])).map((parts) => Object.assign({}, ...parts) as Conditions)),
  },
  { weight: 1, arbitrary: fc.constant<Conditions>({}) },
).filter((c) => {
  const values = [...(c.hosts ?? []), ...(c.paths ?? []), ...(c.methods ?? []), ...(c.sourceIps ?? []),
    ...(c.headers ?? []).flatMap((h) => h.values), ...(c.queryStrings ?? []).map((q) => q.value)];
  return values.length <= 5 && values.join('').replace(/[^*?]/g, '').length <= 5;
});

const healthCheckArb: fc.Arbitrary<HealthCheckOptions | undefined> = fc.option(
  fc.record({
    path: fc.constantFrom('/health', '/ready', '/healthz/deep'),
    protocol: fc.constantFrom(TargetProtocol.HTTP, TargetProtocol.HTTPS),
    port: fc.integer({ min: 1, max: 65535 }),
    intervalSeconds: fc.integer({ min: 5, max: 300 }),
    healthyThreshold: fc.integer({ min: 2, max: 10 }),
    unhealthyThreshold: fc.integer({ min: 2, max: 10 }),
    healthyHttpCodes: fc.constantFrom('200', '200-299', '200,204', '301'),
  }, { requiredKeys: [] }).chain((hc) => {
    // The timeout must stay below the interval (default 15 s, default timeout 5 s).
    const interval = hc.intervalSeconds ?? 15;
    const timeout = fc.integer({ min: 2, max: Math.min(120, interval - 1) });
    return (hc.intervalSeconds !== undefined && hc.intervalSeconds <= 5 ? timeout : fc.option(timeout, { nil: undefined }))
      .map((timeoutSeconds) => ({ ...hc, ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}) }));
  }),
  { nil: undefined },
);

const slowStartArb = fc.option(fc.integer({ min: 30, max: 900 }), { nil: undefined });
const durationArb = fc.option(fc.integer({ min: 1, max: 604800 }), { nil: undefined });

/** Target-group options: algorithm, slow start and anomaly mitigation kept consistent. */
const targetGroupArb = fc.record({
  port: fc.option(fc.constantFrom(80, 3000, 8080, 8443, 50051), { nil: undefined }),
  protocol: fc.option(fc.constantFrom(TargetProtocol.HTTP, TargetProtocol.HTTPS), { nil: undefined }),
  protocolVersion: fc.option(fc.constantFrom(...Object.values(TargetProtocolVersion)), { nil: undefined }),
  targetType: fc.option(fc.constantFrom(TargetType.IP, TargetType.INSTANCE), { nil: undefined }),
  balancing: fc.oneof(
    fc.record({ requestDuration: fc.constantFrom(RequestDuration.SHORT, undefined), slowStartSeconds: slowStartArb }),
    fc.record({ requestDuration: fc.constantFrom(RequestDuration.LONG, RequestDuration.VARIABLE) }),
    fc.record({ algorithm: fc.constant(LoadBalancingAlgorithm.ROUND_ROBIN), slowStartSeconds: slowStartArb }),
    fc.record({ algorithm: fc.constant(LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS) }),
    fc.record({ algorithm: fc.constant(LoadBalancingAlgorithm.WEIGHTED_RANDOM), anomalyMitigation: fc.boolean() }),
  ),
  deregistrationDelaySeconds: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
  healthCheck: healthCheckArb,
  stickiness: fc.option(fc.oneof(
    fc.record({ type: fc.constant(StickinessType.LOAD_BALANCER_COOKIE), durationSeconds: durationArb }),
    fc.record({ type: fc.constant(StickinessType.APPLICATION_COOKIE), durationSeconds: durationArb, cookieName: fc.constantFrom('SESSION', 'sid', 'JSESSIONID') }),
  ), { nil: undefined }),
}).map(({ balancing, ...rest }) => ({ ...rest, ...balancing }));

/**
 * A Lambda route's group: multi-value headers or not, health checks off (AWS's default) or on with
 * timings in range (the default timeout of 30 s must stay below a shorter interval).
 */
const lambdaGroupArb = fc.record({
  lambdaMultiValueHeaders: fc.option(fc.boolean(), { nil: undefined }),
  healthCheck: fc.option(fc.record({
    path: fc.constantFrom('/health', '/ping'),
    intervalSeconds: fc.integer({ min: 5, max: 300 }),
    healthyThreshold: fc.integer({ min: 2, max: 10 }),
    unhealthyThreshold: fc.integer({ min: 2, max: 10 }),
    healthyHttpCodes: fc.constantFrom('200', '200-299'),
  }, { requiredKeys: [] }).chain((hc) => {
    const interval = hc.intervalSeconds ?? 35;
    const timeout = fc.integer({ min: 2, max: Math.min(120, interval - 1) });
    return (interval <= 30 ? timeout : fc.option(timeout, { nil: undefined }))
      .map((timeoutSeconds) => ({ ...hc, ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}) }));
  }), { nil: undefined }),
}).map((g) => ({ targetType: TargetType.LAMBDA, ...g }));

/** A route's targets: mostly servers (IP or instances), sometimes one Lambda function. */
const routeTargetsArb = fc.oneof({ weight: 4, arbitrary: targetGroupArb }, { weight: 1, arbitrary: lambdaGroupArb });

function actionArb(names: string[]): fc.Arbitrary<RouteAction | undefined> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(...names).map((n) => RouteAction.forward(n)) },
    {
      weight: 2,
      arbitrary: fc.tuple(
        fc.shuffledSubarray(names, { minLength: 1, maxLength: Math.min(5, names.length) }),
        fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 5, maxLength: 5 }),
        durationArb,
      ).map(([targets, weights, sticky]) => RouteAction.weightedForward(targets.map((route, i) => ({ route, weight: weights[i] })), sticky)),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        protocol: fc.constantFrom('HTTP', 'HTTPS', '#{protocol}'),
        host: fc.constantFrom('example.com', '#{host}', 'new.example.com'),
        port: fc.constantFrom('443', '8443', '#{port}'),
        path: fc.constantFrom('/#{path}', '/new/#{path}', '/'),
        query: fc.constantFrom('#{query}', 'a=b', ''),
        status: fc.constantFrom(RedirectStatus.PERMANENT, RedirectStatus.FOUND),
      }, { requiredKeys: ['host'] }).map((r) => RouteAction.redirect(r)),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        status: fc.constantFrom(200, 204, 403, 404, 418, 503),
        contentType: fc.option(fc.constantFrom('text/plain', 'text/html', 'application/json', 'text/css', 'application/javascript'), { nil: undefined }),
        body: fc.option(fc.constantFrom('ok', '{"error":"nope"}', '<h1>maintenance</h1>', 'x'.repeat(1024)), { nil: undefined }),
      }).map((f) => RouteAction.fixedResponse(f.status, { contentType: f.contentType, body: f.body })),
    },
  );
}

/** Sign-in settings both kinds share, each AWS's default or a value within AWS's limits. */
const authCommonArb: fc.Arbitrary<AuthenticationOptions> = fc.record({
  scope: fc.option(fc.constantFrom('openid', 'openid email', 'openid profile email phone'), { nil: undefined }),
  sessionCookieName: fc.option(fc.constantFrom('AWSELBAuthSessionCookie', 'AppSession', 'sso_session'), { nil: undefined }),
  sessionTimeoutSeconds: fc.option(fc.integer({ min: 1, max: 604_800 }), { nil: undefined }),
  onUnauthenticatedRequest: fc.option(fc.constantFrom(...Object.values(UnauthenticatedRequestBehavior)), { nil: undefined }),
  authenticationRequestExtraParams: fc.option(fc.dictionary(fc.constantFrom('prompt', 'login_hint', 'acr_values', 'ui_locales', 'max_age'),
    fc.constantFrom('login', 'consent', 'user@example.com', '0', 'de en'), { minKeys: 1, maxKeys: 5 }), { nil: undefined }),
}, { requiredKeys: [] });

/** A route's sign-in: mostly none; else OIDC (secret whole or a JSON field, by name or ARN) or Cognito. */
const authenticateArb: fc.Arbitrary<Authentication | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.tuple(authCommonArb, fc.constantFrom('https://idp.example.com', 'https://login.example.org/realms/main'),
      fc.constantFrom('prod/oidc', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:oidc-AbCdEf'),
      fc.option(fc.constantFrom('client_secret', 'client-secret', 'oidc.secret'), { nil: undefined }))
      .map(([common, issuer, secretId, jsonField]) => Authentication.oidc({
        ...common,
        issuer,
        authorizationEndpoint: `${issuer}/authorize`,
        tokenEndpoint: `${issuer}/token`,
        userInfoEndpoint: `${issuer}/userinfo`,
        clientId: 'lbkit-client',
        clientSecret: ClientSecret.fromSecretsManager(secretId, jsonField),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(authCommonArb, fc.constantFrom('lbkit-users', 'auth.example.com')).map(([common, userPoolDomain]) => Authentication.cognito({
      ...common,
      userPoolArn: 'arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_AbCdEf123',
      userPoolClientId: '1example23456789',
      userPoolDomain,
    })),
  },
);

type Routing = { routes: RouteOptions[]; defaultAction?: RouteAction };

/** lbkit refuses a route that an earlier one hides entirely (it could never be reached); generate only reachable ones. */
function everyRouteReachable(routing: Routing): boolean {
  try {
    planWebApi(routing, FACTS);
    return true;
  } catch (e) {
    return !(e instanceof Error && e.message.includes('can never be reached'));
  }
}

const routesArb: fc.Arbitrary<Routing> = fc.shuffledSubarray(ROUTE_NAMES, { minLength: 1, maxLength: 6 })
  .chain((names) => fc.tuple(
    fc.tuple(...names.map(() => fc.tuple(conditionsArb, routeTargetsArb, actionArb(names), fc.boolean(), authenticateArb))),
    fc.option(fc.oneof(
      fc.constantFrom(...names).map((n) => RouteAction.forward(n)),
      fc.constant(RouteAction.fixedResponse(404, { contentType: 'application/json', body: '{"message":"none"}' })),
      fc.constant(RouteAction.redirect({ host: 'www.example.com', status: RedirectStatus.FOUND })),
    ), { nil: undefined }),
  ).map(([parts, defaultAction]) => {
    const routes: RouteOptions[] = names.map((name, i) => {
      const [conditions, tg, action, explicit, authenticate] = parts[i];
      const hasConditions = Object.keys(conditions).length > 0;
      return {
        name,
        ...conditions,
        ...tg,
        ...(hasConditions && action !== undefined ? { action } : {}),
        ...(hasConditions && authenticate !== undefined ? { authenticate } : {}),
        // Unique explicit priorities in bands the automatic ones rarely reach.
        ...(hasConditions && explicit && i % 2 === 0 ? { priority: 40_000 + i * 7 } : {}),
      } as RouteOptions;
    });
    // A route without conditions must be forwarded to: the default action does (weighted if several).
    const bare = routes.filter((r) => !['hosts', 'paths', 'methods', 'headers', 'queryStrings', 'sourceIps'].some((k) => (r as unknown as Record<string, unknown>)[k] !== undefined));
    if (bare.length > 0) {
      const forwardBare = bare.length === 1
        ? RouteAction.forward(bare[0].name)
        : RouteAction.weightedForward(bare.map((r, i) => ({ route: r.name, weight: i + 1 })));
      return { routes, defaultAction: forwardBare };
    }
    return { routes, ...(defaultAction ? { defaultAction } : {}) };
  }))
  .filter(everyRouteReachable);

/** A trust-store file: an S3 object (maybe a version) or one of the fixture PEM files, uploaded. */
function trustStoreObjectArb(files: string[]): fc.Arbitrary<TrustStoreObject> {
  return fc.oneof(
    fc.record({ key: fc.constantFrom('pki/ca.pem', 'a/b/c.pem'), version: fc.option(fc.constantFrom('v1', 'Xy.z-9'), { nil: undefined }) })
      .map(({ key, version }) => TrustStoreObject.fromS3('my-pki', key, version)),
    fc.constantFrom(...files).map((file) => TrustStoreObject.fromFile(join(MTLS_FIXTURES, file))),
  );
}

/** Mutual TLS: off, passthrough, or verify with every optional field sometimes set. */
const mutualTlsArb: fc.Arbitrary<{ mutualTls?: MutualTlsOptions }> = fc.oneof(
  fc.constant({}),
  fc.constant({ mutualTls: { mode: MutualTlsMode.PASSTHROUGH } }),
  fc.record({
    caBundle: trustStoreObjectArb(['ca.crt', 'ca-bundle-two.crt']),
    revocationLists: fc.array(trustStoreObjectArb(['revoked.crl']), { maxLength: 3 }),
    ignoreClientCertificateExpiry: fc.boolean(),
    advertiseTrustStoreCaNames: fc.boolean(),
    trustStoreName: fc.constantFrom('api-clients', 'x', 'Partner-CA-2026'),
  }, { requiredKeys: ['caBundle'] }).map((verify) => ({ mutualTls: { mode: MutualTlsMode.VERIFY, ...verify } })),
);

/** Options for one WebApiLoadBalancer in the harness environment. */
export const webApiOptionsArb: fc.Arbitrary<EngineOptions> = fc.record({
  routing: routesArb,
  internetFacing: fc.boolean(),
  // The address type as ipAddressType, as the deprecated dualStack, or left to the default.
  address: fc.oneof(
    fc.constant({}),
    fc.boolean().map((dualStack) => ({ dualStack })),
    fc.constantFrom(...Object.values(IpAddressType)).map((ipAddressType) => ({ ipAddressType })),
  ),
  certs: fc.record({
    certificateArns: fc.subarray([CERT_ARN_1, CERT_ARN_2]),
    managedCertificates: fc.subarray([{ domainName: 'api.example.com', alternativeNames: ['www.example.com'] }, { domainName: 'ws.example.com' }, { domainName: '*.example.com', alternativeNames: [] }]),
  }).filter((c) => c.certificateArns.length + c.managedCertificates.length > 0),
  extras: fc.record({
    loadBalancerName: fc.constantFrom('api-alb', 'edge'),
    sslPolicy: fc.constantFrom('ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-TLS13-1-3-2021-06', 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09'),
    redirectHttp: fc.boolean(),
    loadBalancerHealthResponse: fc.boolean(),
    idleTimeoutSeconds: fc.integer({ min: 1, max: 4000 }),
    http2: fc.boolean(),
    dropInvalidHeaderFields: fc.boolean(),
    desyncMitigationMode: fc.constantFrom(DesyncMitigationMode.DEFENSIVE, DesyncMitigationMode.STRICTEST),
    deletionProtection: fc.boolean(),
    xForwardedForMode: fc.constantFrom(XForwardedForMode.APPEND, XForwardedForMode.PRESERVE, XForwardedForMode.REMOVE),
    xForwardedForClientPort: fc.boolean(),
    // LCU reservation: AWS's floor of 100 and beyond (the quota above it is adjustable).
    minimumCapacityUnits: fc.oneof(fc.constant(100), fc.integer({ min: 100, max: 30_000 })),
    aliasRecordNames: fc.subarray(['api.example.com', 'ws.example.com', 'example.com'], { minLength: 1 }),
  }, { requiredKeys: [] }),
  accessLogs: fc.oneof(
    fc.constant({}),
    fc.constant({ accessLogs: { enabled: false } }),
    fc.record({ expirationDays: fc.integer({ min: 1, max: 3650 }), prefix: fc.constantFrom('alb', 'logs/api') }, { requiredKeys: [] }).map((accessLogs) => ({ accessLogs })),
    fc.record({ accessLogBucketName: fc.constant('central-logs'), accessLogs: fc.record({ prefix: fc.constantFrom('alb', 'team/api') }, { requiredKeys: [] }) }),
  ),
  // Connection logs (with access logs on: they share the bucket). Health-check logs stay off: the
  // pinned Terraform provider cannot write them, so no option set with them on synthesizes on both engines.
  connectionLogs: fc.oneof(
    fc.constant({}),
    fc.constant({ connectionLogs: { enabled: false } }),
    fc.constantFrom('conn', 'logs/connections').map((prefix) => ({ connectionLogs: { prefix } })),
  ),
  // Response headers (listener attributes): HSTS variants, nosniff, frame options, CSP, CORS, server header, request-header renames.
  responseHeaders: fc.option(fc.record({
    strictTransportSecurity: fc.oneof(
      fc.constant({ enabled: false }),
      fc.record({ maxAgeSeconds: fc.integer({ min: 0, max: 63_072_000 }), includeSubDomains: fc.boolean() }, { requiredKeys: [] }),
      fc.constant({ maxAgeSeconds: 63_072_000, includeSubDomains: true, preload: true }),
    ),
    contentTypeNoSniff: fc.boolean(),
    frameOptions: fc.constantFrom(FrameOptions.DENY, FrameOptions.SAMEORIGIN, FrameOptions.allowFrom('https://portal.example.com')),
    contentSecurityPolicy: fc.constantFrom("default-src 'self'", "default-src 'none'; frame-ancestors 'none'"),
    cors: fc.record({
      allowOrigin: fc.constantFrom('https://app.example.com', '*'),
      allowMethods: fc.subarray(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'], { minLength: 1 }),
      allowHeaders: fc.constantFrom(['Content-Type'], ['Authorization', 'X-Request-Id']),
      exposeHeaders: fc.constant(['X-Request-Id']),
      maxAgeSeconds: fc.integer({ min: 0, max: 86_400 }),
    }, { requiredKeys: ['allowOrigin'] }).map((cors) => ({ ...cors, ...(cors.allowOrigin !== '*' ? { allowCredentials: true } : {}) })),
    serverHeader: fc.boolean(),
    requestHeaderNames: fc.record({ tlsVersion: fc.constant('X-Tls-Version'), mtlsClientcertSubject: fc.constant('X-Client-Subject') }, { requiredKeys: [] }),
  }, { requiredKeys: [] }), { nil: undefined }),
  waf: fc.oneof(
    fc.constant({}),
    fc.constant({ waf: { enabled: false } }),
    fc.constant({ waf: { webAclArn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/shared/1234' } }),
    fc.integer({ min: 10, max: 2_000_000_000 }).map((rateLimitPer5Minutes) => ({ waf: { rateLimitPer5Minutes } })),
  ),
  allowed: fc.option(fc.subarray(['10.0.0.0/8', '192.168.0.0/16', '0.0.0.0/0', 'fd00::/8'], { minLength: 1 }), { nil: undefined }),
  mutualTls: mutualTlsArb,
  monitoring: monitoringOptionsArb,
}).map(({
  routing, internetFacing, address: chosen, certs, extras, accessLogs, connectionLogs, responseHeaders, waf, allowed, mutualTls, monitoring,
}) => {
  // Without public IPv4 needs an internet-facing load balancer: internal ones take plain dual stack.
  const address = 'ipAddressType' in chosen && chosen.ipAddressType === IpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4 && !internetFacing
    ? { ipAddressType: IpAddressType.DUALSTACK } : chosen;
  const dualStack = 'dualStack' in address ? address.dualStack : 'ipAddressType' in address && address.ipAddressType !== IpAddressType.IPV4;
  let allowedCidrs = allowed?.filter((c) => dualStack || !c.includes(':'));
  if (allowedCidrs !== undefined && allowedCidrs.length === 0) allowedCidrs = undefined;
  if (!internetFacing && allowedCidrs === undefined) allowedCidrs = ['10.0.0.0/8'];
  return {
    ...routing,
    internetFacing,
    ...address,
    ...(certs.certificateArns.length > 0 ? { certificateArns: certs.certificateArns } : {}),
    ...(certs.managedCertificates.length > 0 ? { managedCertificates: certs.managedCertificates } : {}),
    ...extras,
    ...accessLogs,
    ...((accessLogs as { accessLogs?: { enabled?: boolean } }).accessLogs?.enabled === false ? {} : connectionLogs),
    ...(responseHeaders !== undefined ? { responseHeaders } : {}),
    ...waf,
    ...(allowedCidrs !== undefined ? { allowedCidrs } : {}),
    ...monitoring,
    ...mutualTls,
  } as EngineOptions;
});
