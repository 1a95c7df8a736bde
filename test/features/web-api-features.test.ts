import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { LoadBalancerModel, RuleModel } from '../../src/core/model/load-balancer-model';
import { Authentication } from '../../src/core/options/authentication';
import {
  DesyncMitigationMode, IpAddressType, LoadBalancingAlgorithm, RequestDuration, StickinessType, TargetType, UnauthenticatedRequestBehavior,
} from '../../src/core/options/enums';
import { MutualTlsMode, TrustStoreObject } from '../../src/core/options/mutual-tls-options';
import { FrameOptions } from '../../src/core/options/response-header-options';
import { RouteAction } from '../../src/core/options/route-action';
import { RouteOptions } from '../../src/core/options/route-options';
import { CERT_ARN_1, CERT_ARN_2, Engine, EngineOptions, ENGINES, ENV } from '../support/engines';
import { MTLS_FIXTURES } from '../support/mtls';
import { COGNITO, OIDC } from '../support/sign-in';

/**
 * The WebApiLoadBalancer features, each asserted on the model READ BACK from the
 * synthesized output, one test body run over both engines (cdk-monitoring-constructs style).
 */

const BASE: EngineOptions = { certificateArns: [CERT_ARN_1], routes: [{ name: 'api', paths: ['/api/*'], port: 8080 }] };

const https = (m: LoadBalancerModel) => m.listeners.find((l) => l.protocol === 'HTTPS')!;
const rule = (m: LoadBalancerModel, route: string): RuleModel => https(m).rules.find((r) => r.route === route)!;
const group = (m: LoadBalancerModel, name: string) => m.targetGroups.find((g) => g.name === name)!;

describe.each(ENGINES)('%s', (engine: Engine) => {
  const read = (options: EngineOptions) => engine.synth(options).model;

  test('1. HTTPS on 443 with the TLS 1.3 policy; HTTP on 80 only redirects (301)', () => {
    const m = read(BASE);
    expect(m.listeners.map((l) => [l.port, l.protocol])).toEqual([[80, 'HTTP'], [443, 'HTTPS']]);
    expect(https(m).sslPolicy).toBe('ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09');
    expect(m.listeners[0]).toEqual({
      port: 80,
      protocol: 'HTTP',
      defaultAction: { type: 'redirect', statusCode: 'HTTP_301', protocol: 'HTTPS', host: '#{host}', port: '443', path: '/#{path}', query: '#{query}' },
      rules: [],
      headers: { serverHeader: false, xContentTypeOptions: 'nosniff' },
    });
    const noRedirect = read({ ...BASE, redirectHttp: false, sslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06' });
    expect(noRedirect.listeners.map((l) => l.port)).toEqual([443]);
    expect(https(noRedirect).sslPolicy).toBe('ELBSecurityPolicy-TLS13-1-3-2021-06');
  });

  test('2. certificates: given ones first, then managed (DNS-validated, many names); the first is the default', () => {
    const m = read({
      ...BASE,
      certificateArns: [CERT_ARN_2, CERT_ARN_1],
      managedCertificates: [{ domainName: 'api.example.com', alternativeNames: ['www.example.com', 'app.example.com'] }, { domainName: 'ws.example.com' }],
    });
    expect(m.certificates).toEqual([
      { kind: 'imported', arn: CERT_ARN_2 },
      { kind: 'imported', arn: CERT_ARN_1 },
      { kind: 'managed', domainName: 'api.example.com', alternativeNames: ['www.example.com', 'app.example.com'] },
      { kind: 'managed', domainName: 'ws.example.com', alternativeNames: [] },
    ]);
    const managedFirst = read({ routes: BASE.routes, managedCertificates: [{ domainName: 'ws.example.com' }] });
    expect(managedFirst.certificates).toEqual([{ kind: 'managed', domainName: 'ws.example.com', alternativeNames: [] }]);
  });

  test('3. conditions: hosts, paths, methods, headers, query strings and source IPs; a route without conditions makes no rule', () => {
    const m = read({
      certificateArns: [CERT_ARN_1],
      routes: [
        { name: 'tenant', hosts: ['*.example.com'], headers: [{ name: 'X-Tenant', values: ['a*'] }, { name: 'accept', values: ['application/json'] }] },
        { name: 'write', paths: ['/api/*'], methods: ['POST', 'PUT'] },
        { name: 'office', sourceIps: ['10.0.0.0/8', '2001:db8::/32'] },
        { name: 'debug', queryStrings: [{ key: 'debug', value: 'true' }, { value: 'trace' }] },
        { name: 'web' },
      ],
      defaultAction: RouteAction.forward('web'),
    });
    expect(rule(m, 'tenant').conditions).toEqual({
      hostHeaders: ['*.example.com'],
      httpHeaders: [{ name: 'accept', values: ['application/json'] }, { name: 'X-Tenant', values: ['a*'] }],
    });
    expect(rule(m, 'write').conditions).toEqual({ pathPatterns: ['/api/*'], httpRequestMethods: ['POST', 'PUT'] });
    expect(rule(m, 'office').conditions).toEqual({ sourceIps: ['10.0.0.0/8', '2001:db8::/32'] });
    expect(rule(m, 'debug').conditions).toEqual({ queryStrings: [{ key: 'debug', value: 'true' }, { value: 'trace' }] });
    expect(https(m).rules.map((r) => r.route)).not.toContain('web');
    expect(https(m).defaultAction).toEqual({ type: 'forward', targetGroups: [{ name: 'web', weight: 1 }] });
  });

  test('4. actions: weighted forward with group stickiness, redirect, fixed response, 404 by default, LB health answer', () => {
    const m = read({
      certificateArns: [CERT_ARN_1],
      loadBalancerHealthResponse: true,
      routes: [
        { name: 'blue', paths: ['/api/*'], action: RouteAction.weightedForward([{ route: 'blue', weight: 90 }, { route: 'green', weight: 10 }], 3600) },
        { name: 'green', paths: ['/green/*'] },
        { name: 'old', paths: ['/old/*'], action: RouteAction.redirect({ path: '/new/#{path}' }) },
        { name: 'gone', paths: ['/gone'], action: RouteAction.fixedResponse(410) },
      ],
    });
    expect(rule(m, 'blue').action).toEqual({ type: 'forward', targetGroups: [{ name: 'blue', weight: 90 }, { name: 'green', weight: 10 }], stickinessSeconds: 3600 });
    expect(rule(m, 'green').action).toEqual({ type: 'forward', targetGroups: [{ name: 'green', weight: 1 }] });
    expect(rule(m, 'old').action).toEqual({ type: 'redirect', statusCode: 'HTTP_301', protocol: '#{protocol}', host: '#{host}', port: '#{port}', path: '/new/#{path}', query: '#{query}' });
    expect(rule(m, 'gone').action).toEqual({ type: 'fixed-response', statusCode: '410', contentType: 'text/plain' });
    expect(https(m).defaultAction).toEqual({ type: 'fixed-response', statusCode: '404', contentType: 'application/json', messageBody: '{"message":"Not Found"}' });
    expect(rule(m, 'lb-health')).toMatchObject({
      conditions: { pathPatterns: ['/health'] },
      action: { type: 'fixed-response', statusCode: '200', contentType: 'application/json', messageBody: '{"status":"ok"}' },
    });
    expect(m.targetGroups.map((g) => g.name)).toEqual(['blue', 'green']);
  });

  test('5. priorities by specificity; appending a route keeps the existing priorities; explicit ones are kept', () => {
    const routes: RouteOptions[] = [
      { name: 'v2', paths: ['/v2/*'] },
      { name: 'v2-users', paths: ['/v2/users/*'] },
      { name: 'ws', hosts: ['ws.example.com'], paths: ['/v2/*'] },
      { name: 'pinned', paths: ['/pinned'], priority: 5 },
    ];
    const before = read({ certificateArns: [CERT_ARN_1], routes });
    const order = https(before).rules.map((r) => r.route);
    expect(order).toEqual(['pinned', 'ws', 'v2-users', 'v2']);
    expect(rule(before, 'pinned').priority).toBe(5);
    const after = read({ certificateArns: [CERT_ARN_1], routes: [...routes, { name: 'v3', paths: ['/v3/*'] }, { name: 'v2-more', paths: ['/v2/*'], methods: ['POST'] }] });
    for (const r of https(before).rules) expect(rule(after, r.route).priority).toBe(r.priority);
    const priorities = https(after).rules.map((r) => r.priority);
    expect(new Set(priorities).size).toBe(priorities.length);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
  });

  test('6. health checks 15/5/2/3/200 on /health, draining 300 s, round robin; least outstanding requests for LONG', () => {
    const m = read({
      certificateArns: [CERT_ARN_1],
      routes: [
        { name: 'api', paths: ['/api/*'] },
        { name: 'upload', paths: ['/upload/*'], requestDuration: RequestDuration.LONG, deregistrationDelaySeconds: 900 },
        { name: 'report', paths: ['/report/*'], requestDuration: RequestDuration.VARIABLE },
        { name: 'custom', paths: ['/c/*'], healthCheck: { path: '/ready', intervalSeconds: 30, timeoutSeconds: 10, healthyThreshold: 3, unhealthyThreshold: 5, healthyHttpCodes: '200-299', port: 9000 } },
      ],
    });
    expect(group(m, 'api')).toMatchObject({
      protocol: 'HTTP',
      port: 80,
      targetType: 'ip',
      protocolVersion: 'HTTP1',
      algorithm: 'round_robin',
      deregistrationDelaySeconds: 300,
      slowStartSeconds: 0,
      healthCheck: { protocol: 'HTTP', path: '/health', port: 'traffic-port', intervalSeconds: 15, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3, matcher: '200' },
    });
    expect(group(m, 'upload')).toMatchObject({ algorithm: 'least_outstanding_requests', deregistrationDelaySeconds: 900 });
    expect(group(m, 'report').algorithm).toBe('least_outstanding_requests');
    expect(group(m, 'custom').healthCheck).toEqual({ protocol: 'HTTP', path: '/ready', port: '9000', intervalSeconds: 30, timeoutSeconds: 10, healthyThreshold: 3, unhealthyThreshold: 5, matcher: '200-299' });
  });

  test('7. stickiness off by default; LB or application cookie when asked; slow start; anomaly mitigation', () => {
    const m = read({
      certificateArns: [CERT_ARN_1],
      routes: [
        { name: 'plain', paths: ['/p/*'] },
        { name: 'lb', paths: ['/lb/*'], stickiness: { type: StickinessType.LOAD_BALANCER_COOKIE }, slowStartSeconds: 60 },
        { name: 'app', paths: ['/app/*'], stickiness: { type: StickinessType.APPLICATION_COOKIE, cookieName: 'SESSION', durationSeconds: 600 } },
        { name: 'random', paths: ['/r/*'], algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM, anomalyMitigation: true },
      ],
    });
    expect(group(m, 'plain').stickiness).toBeUndefined();
    expect(group(m, 'lb')).toMatchObject({ stickiness: { type: 'lb_cookie', durationSeconds: 86400 }, slowStartSeconds: 60, algorithm: 'round_robin' });
    expect(group(m, 'app').stickiness).toEqual({ type: 'app_cookie', durationSeconds: 600, cookieName: 'SESSION' });
    expect(group(m, 'random')).toMatchObject({ algorithm: 'weighted_random', anomalyMitigation: true });
    expect(group(m, 'plain').anomalyMitigation).toBe(false);
  });

  test('8. access logs on by default to a managed bucket with 90-day expiry; prefix, existing bucket, off', () => {
    expect(read(BASE).accessLogs).toEqual({ enabled: true, bucket: { kind: 'managed', expirationDays: 90 } });
    expect(read({ ...BASE, accessLogs: { expirationDays: 30, prefix: 'alb' } }).accessLogs)
      .toEqual({ enabled: true, bucket: { kind: 'managed', expirationDays: 30 }, prefix: 'alb' });
    expect(read({ ...BASE, accessLogBucketName: 'central-logs' }).accessLogs)
      .toEqual({ enabled: true, bucket: { kind: 'existing', bucketName: 'central-logs' } });
    expect(read({ ...BASE, accessLogs: { enabled: false } }).accessLogs).toEqual({ enabled: false });
  });

  test('9. WAF: AWS managed rule groups and a per-IP rate limit; custom limit, existing ACL, off', () => {
    expect(read(BASE).waf).toEqual({
      kind: 'managed',
      rateLimit: 2000,
      rateLimitWindowSeconds: 300,
      managedRuleGroups: ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'],
    });
    expect(read({ ...BASE, waf: { rateLimitPer5Minutes: 500 } }).waf).toMatchObject({ kind: 'managed', rateLimit: 500 });
    const arn = 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/shared/1234';
    expect(read({ ...BASE, waf: { webAclArn: arn } }).waf).toEqual({ kind: 'existing', webAclArn: arn });
    expect(read({ ...BASE, waf: { enabled: false } }).waf).toEqual({ kind: 'none' });
  });

  test('10. hardening: drop invalid headers, desync defensive, deletion protection, HTTP/2, idle 60 s, XFF append', () => {
    expect(read(BASE).attributes).toEqual({
      idleTimeoutSeconds: 60,
      http2Enabled: true,
      dropInvalidHeaderFields: true,
      desyncMitigationMode: 'defensive',
      deletionProtection: true,
      xffHeaderProcessingMode: 'append',
      xffClientPort: false,
    });
    const m = read({ ...BASE, idleTimeoutSeconds: 3600, desyncMitigationMode: DesyncMitigationMode.STRICTEST, deletionProtection: false, loadBalancerName: 'edge-api' });
    expect(m.attributes).toMatchObject({ idleTimeoutSeconds: 3600, desyncMitigationMode: 'strictest', deletionProtection: false });
    expect(m.loadBalancerName).toBe('edge-api');
    expect(m.scheme).toBe('internet-facing');
  });

  test('11. security group: in 443 (and 80) from the clients only, out only to the target ports in the VPC', () => {
    const m = read({ ...BASE, routes: [...BASE.routes!, { name: 'admin', paths: ['/admin/*'], port: 9090, healthCheck: { port: 9091 } }] });
    expect(m.securityGroup).toEqual({
      ingress: [{ port: 80, cidr: '0.0.0.0/0' }, { port: 443, cidr: '0.0.0.0/0' }],
      egress: [{ port: 8080, cidr: ENV.vpcCidrBlock }, { port: 9090, cidr: ENV.vpcCidrBlock }, { port: 9091, cidr: ENV.vpcCidrBlock }],
    });
    const dual = read({ ...BASE, dualStack: true });
    expect(dual.ipAddressType).toBe('dualstack');
    expect(dual.securityGroup.ingress).toEqual([{ port: 80, cidr: '0.0.0.0/0' }, { port: 80, cidr: '::/0' }, { port: 443, cidr: '0.0.0.0/0' }, { port: 443, cidr: '::/0' }]);
    const internal = read({ ...BASE, internetFacing: false, allowedCidrs: ['10.0.0.0/16'], redirectHttp: false });
    expect(internal.scheme).toBe('internal');
    expect(internal.securityGroup.ingress).toEqual([{ port: 443, cidr: '10.0.0.0/16' }]);
  });

  test('12. alias records: A per name, A and AAAA with dual stack, sorted by name then type', () => {
    expect(read({ ...BASE, aliasRecordNames: ['www.example.com', 'api.example.com'] }).dnsRecords)
      .toEqual([{ name: 'api.example.com', type: 'A' }, { name: 'www.example.com', type: 'A' }]);
    expect(read({ ...BASE, dualStack: true, aliasRecordNames: ['api.example.com'] }).dnsRecords)
      .toEqual([{ name: 'api.example.com', type: 'A' }, { name: 'api.example.com', type: 'AAAA' }]);
    expect(read(BASE).dnsRecords).toEqual([]);
  });

  test('14. Lambda routes: a lambda group with no port or protocol, health checks off unless asked (35/30/5/2 then), multi-value headers when asked, no egress', () => {
    const m = read({
      certificateArns: [CERT_ARN_1],
      routes: [
        { name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA },
        { name: 'fn-multi', paths: ['/multi/*'], targetType: TargetType.LAMBDA, lambdaMultiValueHeaders: true, healthCheck: {} },
      ],
    });
    expect(m.targetGroups).toEqual([]);
    expect(m.lambdaTargetGroups).toEqual([
      { name: 'fn', multiValueHeaders: false },
      {
        name: 'fn-multi',
        multiValueHeaders: true,
        healthCheck: { path: '/health', intervalSeconds: 35, timeoutSeconds: 30, healthyThreshold: 5, unhealthyThreshold: 2, matcher: '200' },
      },
    ]);
    expect(rule(m, 'fn').action).toEqual({ type: 'forward', targetGroups: [{ name: 'fn', weight: 1 }] });
    expect(m.securityGroup.egress).toEqual([]);
    expect(read(BASE).lambdaTargetGroups).toBeUndefined();
  });

  test('13. LCU reservation: none unless set (AWS\'s default), else the reserved units', () => {
    expect(read(BASE).minimumCapacityUnits).toBeUndefined();
    expect(read({ ...BASE, minimumCapacityUnits: 100 }).minimumCapacityUnits).toBe(100);
    expect(read({ ...BASE, minimumCapacityUnits: 2500 }).minimumCapacityUnits).toBe(2500);
  });

  test('14. connection logs on with access logs under <prefix>/connection-logs; off, own prefix; health-check logs where the engine can', () => {
    expect(read(BASE).connectionLogs).toEqual({ enabled: true, prefix: 'connection-logs' });
    expect(read({ ...BASE, accessLogs: { prefix: 'alb' } }).connectionLogs).toEqual({ enabled: true, prefix: 'alb/connection-logs' });
    expect(read({ ...BASE, connectionLogs: { prefix: 'conn' } }).connectionLogs).toEqual({ enabled: true, prefix: 'conn' });
    expect(read({ ...BASE, connectionLogs: { enabled: false } }).connectionLogs).toEqual({ enabled: false });
    expect(read({ ...BASE, accessLogs: { enabled: false } }).connectionLogs).toEqual({ enabled: false });
    expect(read(BASE).healthCheckLogs).toEqual({ enabled: false });
    const withHealthLogs = { ...BASE, healthCheckLogs: { enabled: true } };
    if (engine.name === 'cloudformation') {
      expect(read(withHealthLogs).healthCheckLogs).toEqual({ enabled: true, prefix: 'health-check-logs' });
    } else {
      expect(() => read(withHealthLogs)).toThrow(/healthCheckLogs\.enabled is true but the Terraform AWS provider lbkit pins, hashicorp\/aws 5\.100\.0/);
    }
  });

  test('15. IP address type: ipv4 unless set; dualstack and dualstack-without-public-ipv4 add ::/0 ingress and AAAA records', () => {
    expect(read(BASE).ipAddressType).toBe('ipv4');
    for (const type of [IpAddressType.DUALSTACK, IpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4]) {
      const m = read({ ...BASE, ipAddressType: type, redirectHttp: false, aliasRecordNames: ['api.example.com'] });
      expect(m.ipAddressType).toBe(type);
      expect(m.securityGroup.ingress).toEqual([{ port: 443, cidr: '0.0.0.0/0' }, { port: 443, cidr: '::/0' }]);
      expect(m.dnsRecords).toEqual([{ name: 'api.example.com', type: 'A' }, { name: 'api.example.com', type: 'AAAA' }]);
    }
    expect(read({ ...BASE, ipAddressType: IpAddressType.IPV4 })).toEqual(read(BASE));
  });

  test('16. mutual TLS on the HTTPS listener: off unless set; passthrough; verify against a trust store from S3 or uploaded files', () => {
    expect(https(read(BASE)).mutualAuthentication).toBeUndefined();
    const passthrough = read({ ...BASE, mutualTls: { mode: MutualTlsMode.PASSTHROUGH } });
    expect(https(passthrough).mutualAuthentication).toEqual({ mode: 'passthrough' });
    expect(passthrough.listeners.find((l) => l.protocol === 'HTTP')!.mutualAuthentication).toBeUndefined();
    const ca = join(MTLS_FIXTURES, 'ca.crt');
    const crl = join(MTLS_FIXTURES, 'revoked.crl');
    const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    const verify = read({
      ...BASE,
      mutualTls: {
        mode: MutualTlsMode.VERIFY,
        caBundle: TrustStoreObject.fromFile(ca),
        revocationLists: [TrustStoreObject.fromS3('my-pki', 'crl/partner.pem', 'v3'), TrustStoreObject.fromFile(crl)],
      },
    });
    expect(https(verify).mutualAuthentication).toEqual({
      mode: 'verify',
      trustStore: {
        caBundle: { kind: 'uploaded', sha256: sha256(ca) },
        revocationLists: [{ kind: 's3', bucket: 'my-pki', key: 'crl/partner.pem', version: 'v3' }, { kind: 'uploaded', sha256: sha256(crl) }],
      },
      ignoreClientCertificateExpiry: false,
      advertiseTrustStoreCaNames: false,
    });
    const named = read({
      ...BASE,
      mutualTls: {
        mode: MutualTlsMode.VERIFY, caBundle: TrustStoreObject.fromS3('my-pki', 'ca.crt'), trustStoreName: 'partners', ignoreClientCertificateExpiry: true, advertiseTrustStoreCaNames: true,
      },
    });
    expect(https(named).mutualAuthentication).toEqual({
      mode: 'verify',
      trustStore: { trustStoreName: 'partners', caBundle: { kind: 's3', bucket: 'my-pki', key: 'ca.crt' }, revocationLists: [] },
      ignoreClientCertificateExpiry: true,
      advertiseTrustStoreCaNames: true,
    });
  });

  test('17. response headers: HSTS (one year) and nosniff on HTTPS, nosniff on HTTP, no Server header; the rest as set', () => {
    const m = read(BASE);
    expect(https(m).headers).toEqual({ serverHeader: false, strictTransportSecurity: 'max-age=31536000', xContentTypeOptions: 'nosniff' });
    const set = read({
      ...BASE,
      responseHeaders: {
        strictTransportSecurity: { includeSubDomains: true },
        contentTypeNoSniff: false,
        frameOptions: FrameOptions.DENY,
        contentSecurityPolicy: "default-src 'self'",
        cors: { allowOrigin: '*', allowHeaders: ['Content-Type'], exposeHeaders: ['X-Request-Id'], maxAgeSeconds: 300 },
        serverHeader: true,
        requestHeaderNames: { mtlsClientcertIssuer: 'X-Client-Issuer', mtlsClientcertValidity: 'X-Client-Validity' },
      },
    });
    expect(https(set).headers).toEqual({
      serverHeader: true,
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
      contentSecurityPolicy: "default-src 'self'",
      xFrameOptions: 'DENY',
      accessControlAllowOrigin: '*',
      accessControlAllowHeaders: 'Content-Type',
      accessControlExposeHeaders: 'X-Request-Id',
      accessControlMaxAge: '300',
      requestHeaderNames: { mtlsClientcertIssuer: 'X-Client-Issuer', mtlsClientcertValidity: 'X-Client-Validity' },
    });
    expect(set.listeners[0].headers).toEqual({
      serverHeader: true,
      contentSecurityPolicy: "default-src 'self'",
      xFrameOptions: 'DENY',
      accessControlAllowOrigin: '*',
      accessControlAllowHeaders: 'Content-Type',
      accessControlExposeHeaders: 'X-Request-Id',
      accessControlMaxAge: '300',
    });
  });

  test('18. sign-in: OIDC or Cognito before the route\'s action on the HTTPS listener, AWS\'s defaults, the client secret by reference', () => {
    const m = read({
      ...BASE,
      routes: [
        {
          name: 'app',
          paths: ['/app/*'],
          authenticate: Authentication.oidc(OIDC),
        },
        {
          name: 'docs',
          paths: ['/docs/*'],
          authenticate: Authentication.cognito({
            ...COGNITO,
            onUnauthenticatedRequest: UnauthenticatedRequestBehavior.DENY,
            sessionTimeoutSeconds: 3600,
          }),
          action: RouteAction.fixedResponse(200),
        },
        { name: 'api', paths: ['/api/*'] },
      ],
    });
    const defaults = { scope: 'openid', sessionCookieName: 'AWSELBAuthSessionCookie' };
    expect(rule(m, 'app').authenticate).toMatchObject({
      type: 'authenticate-oidc',
      ...defaults,
      sessionTimeoutSeconds: 604800,
      onUnauthenticatedRequest: 'authenticate',
      clientSecret: { secretId: 'prod/oidc', jsonField: 'client_secret' },
    });
    expect(rule(m, 'app').action).toEqual({ type: 'forward', targetGroups: [{ name: 'app', weight: 1 }] });
    expect(rule(m, 'docs').authenticate).toMatchObject({ type: 'authenticate-cognito', ...defaults, sessionTimeoutSeconds: 3600, onUnauthenticatedRequest: 'deny' });
    expect(rule(m, 'docs').action).toMatchObject({ type: 'fixed-response', statusCode: '200' });
    expect(rule(m, 'api').authenticate).toBeUndefined();
    expect(m.listeners.find((l) => l.protocol === 'HTTP')!.rules).toEqual([]);
  });
});
