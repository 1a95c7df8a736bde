import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Stack } from 'aws-cdk-lib';
import { App as TfApp } from 'cdktf';
import { App as TnApp } from 'cdktn';
import { createApp as createCdkApp } from '../../examples/web-api-cdk/app';
import { createApp as createTfApp } from '../../examples/web-api-cdktf/main';
import { createApp as createTnApp } from '../../examples/web-api-cdktn/main';
import { AnyLoadBalancerModel, isApplicationModel } from '../../src/core/model/any-load-balancer-model';
import { normalizeModel } from '../../src/core/model/load-balancer-model';
import { Authentication } from '../../src/core/options/authentication';
import { ClientSecret } from '../../src/core/options/authentication-options';
import {
  DesyncMitigationMode, LoadBalancingAlgorithm, RedirectStatus, RequestDuration, StickinessType, TargetProtocol,
  TargetProtocolVersion, TargetType, XForwardedForMode, IpAddressType, UnauthenticatedRequestBehavior,
} from '../../src/core/options/enums';
import { MutualTlsMode, TrustStoreObject } from '../../src/core/options/mutual-tls-options';
import { FrameOptions } from '../../src/core/options/response-header-options';
import { RouteAction } from '../../src/core/options/route-action';
import { WebApiPlan } from '../../src/core/plan/web-api-plan';
import { readSynthesizedFile } from '../../src/readers';
import { CERT_ARN_1, CERT_ARN_2, CLOUDFORMATION, EngineOptions, modelDifferences, invariantDifferences, TERRAFORM, threeWay } from '../support/engines';
import { MTLS_FIXTURES } from '../support/mtls';

/**
 * The project's strongest invariant: for the same options,
 * read(cloudformation) == read(terraform) == read(cdktn) == plan(options), engine ids aside.
 */
function expectThreeWay(options: EngineOptions): void {
  const r = threeWay(options);
  expect(invariantDifferences(r)).toEqual([]);
}

function planOf(construct: { node: { findAll(): unknown[] } }): WebApiPlan {
  const lb = construct.node.findAll().find((c) => (c as { _plan?: WebApiPlan })._plan !== undefined) as { _plan: WebApiPlan };
  return lb._plan;
}

describe('examples: read(cloudformation) == read(terraform) == read(cdktn) == plan', () => {
  let dir: string;
  let cfn: { models: AnyLoadBalancerModel[]; plan: WebApiPlan; engine: string };
  let tf: { models: AnyLoadBalancerModel[]; plan: WebApiPlan; engine: string };
  let tn: { models: AnyLoadBalancerModel[]; plan: WebApiPlan; engine: string };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lbkit-examples-'));
    const cdkApp = createCdkApp(join(dir, 'cdk.out'));
    cdkApp.synth();
    const stack = cdkApp.node.findChild('WebApiStack') as Stack;
    cfn = { ...readSynthesizedFile(join(dir, 'cdk.out', 'WebApiStack.template.json')), plan: planOf(stack) };
    const tfApp: TfApp = createTfApp(join(dir, 'cdktf.out'));
    tfApp.synth();
    tf = { ...readSynthesizedFile(join(dir, 'cdktf.out', 'stacks', 'web-api', 'cdk.tf.json')), plan: planOf(tfApp.node.findChild('web-api')) };
    const tnApp: TnApp = createTnApp(join(dir, 'cdktn.out'));
    tnApp.synth();
    tn = { ...readSynthesizedFile(join(dir, 'cdktn.out', 'stacks', 'web-api', 'cdk.tf.json')), plan: planOf(tnApp.node.findChild('web-api')) };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the synthesized files are detected as their engines, one load balancer each', () => {
    expect(cfn.engine).toBe('cloudformation');
    expect(tf.engine).toBe('terraform');
    expect(cfn.models).toHaveLength(1);
    expect(tf.models).toHaveLength(1);
    expect(cfn.models[0].name).toBe('Api');
  });

  test('web-api-cdk reads back as its plan', () => {
    expect(modelDifferences(normalizeModel(cfn.plan.model), normalizeModel(cfn.models[0]))).toEqual([]);
  });

  test('web-api-cdktf reads back as its plan', () => {
    expect(modelDifferences(normalizeModel(tf.plan.model), normalizeModel(tf.models[0]))).toEqual([]);
  });

  test('web-api-cdktn reads back as its plan, and as the cdktf example', () => {
    expect(tn.engine).toBe('terraform');
    expect(modelDifferences(normalizeModel(tn.plan.model), normalizeModel(tn.models[0]))).toEqual([]);
    expect(modelDifferences(normalizeModel(tf.models[0]), normalizeModel(tn.models[0]), 'read(cdktf) ≠ read(cdktn) at')).toEqual([]);
  });

  test('both examples read as the same model', () => {
    expect(normalizeModel(cfn.models[0])).toEqual(normalizeModel(tf.models[0]));
    expect(normalizeModel(cfn.plan.model)).toEqual(normalizeModel(tf.plan.model));
  });

  test('the example model holds what EXAMPLE.md asks for', () => {
    const [m] = cfn.models.filter(isApplicationModel);
    expect(m.certificates.map((c) => (c.kind === 'managed' ? c.domainName : c.arn))).toEqual(['api.example.com', 'ws.example.com']);
    expect(m.attributes.idleTimeoutSeconds).toBe(300);
    expect(m.targetGroups.map((g) => g.name)).toEqual(['api-v1', 'api-v2', 'api-v2-canary', 'upload', 'web', 'websocket']);
    expect(m.listeners[1].rules.map((r) => r.route)).toContain('lb-health');
    expect(m.dnsRecords).toEqual([{ name: 'api.example.com', type: 'A' }, { name: 'ws.example.com', type: 'A' }]);
  });
});

/** The web-api example's options, without engine-typed targets. */
export const EXAMPLE_OPTIONS: EngineOptions = {
  managedCertificates: [
    { domainName: 'api.example.com', alternativeNames: ['www.example.com'] },
    { domainName: 'ws.example.com' },
  ],
  idleTimeoutSeconds: 300,
  loadBalancerHealthResponse: true,
  aliasRecordNames: ['api.example.com', 'ws.example.com'],
  routes: [
    {
      name: 'api-v2',
      paths: ['/v2/*'],
      port: 8080,
      action: RouteAction.weightedForward([{ route: 'api-v2', weight: 90 }, { route: 'api-v2-canary', weight: 10 }]),
    },
    { name: 'api-v2-canary', paths: ['/v2/*'], headers: [{ name: 'x-canary', values: ['always'] }], port: 8090 },
    { name: 'api-v1', paths: ['/v1/*'], port: 8081, deregistrationDelaySeconds: 60 },
    { name: 'websocket', hosts: ['ws.example.com'], port: 8082, requestDuration: RequestDuration.LONG },
    { name: 'upload', paths: ['/v2/uploads/*'], methods: ['POST', 'PUT'], port: 8083, requestDuration: RequestDuration.LONG, deregistrationDelaySeconds: 900 },
    { name: 'web', port: 3000 },
  ],
  defaultAction: RouteAction.forward('web'),
};

const HAND_PICKED: [string, EngineOptions][] = [
  ['the example options through the harness', EXAMPLE_OPTIONS],
  ['minimal: one imported certificate, one route', {
    certificateArns: [CERT_ARN_1],
    routes: [{ name: 'api', paths: ['/api/*'] }],
  }],
  ['everything turned off or away from the defaults', {
    certificateArns: [CERT_ARN_1],
    dualStack: true,
    internetFacing: false,
    allowedCidrs: ['10.0.0.0/8', '192.168.0.0/16', 'fd00::/8'],
    loadBalancerName: 'private-api',
    redirectHttp: false,
    waf: { enabled: false },
    accessLogs: { enabled: false },
    deletionProtection: false,
    http2: false,
    dropInvalidHeaderFields: false,
    desyncMitigationMode: DesyncMitigationMode.STRICTEST,
    xForwardedForMode: XForwardedForMode.PRESERVE,
    xForwardedForClientPort: true,
    idleTimeoutSeconds: 4000,
    routes: [{ name: 'api', hosts: ['api.internal'] }],
  }],
  ['dual stack, imported and managed certificates (default + SNI order), alias records', {
    certificateArns: [CERT_ARN_2, CERT_ARN_1],
    managedCertificates: [{ domainName: 'b.example.com', alternativeNames: ['c.example.com', 'd.example.com'] }, { domainName: 'a.example.com' }],
    dualStack: true,
    aliasRecordNames: ['z.example.com', 'a.example.com'],
    routes: [{ name: 'api', paths: ['/api/*'] }],
  }],
  ['connection logs under their own prefix, next to prefixed access logs', {
    certificateArns: [CERT_ARN_1],
    accessLogs: { prefix: 'alb' },
    connectionLogs: { prefix: 'tls/connections' },
    routes: [{ name: 'api', paths: ['/api/*'] }],
  }],
  ['response headers: HSTS with preload, nosniff off, frame options, CSP, CORS, server header on, request-header renames', {
    certificateArns: [CERT_ARN_1],
    responseHeaders: {
      strictTransportSecurity: { maxAgeSeconds: 63_072_000, includeSubDomains: true, preload: true },
      contentTypeNoSniff: false,
      frameOptions: FrameOptions.SAMEORIGIN,
      contentSecurityPolicy: "default-src 'self'; frame-ancestors 'self'",
      cors: {
        allowOrigin: 'https://app.example.com',
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['Content-Type', 'Authorization'],
        allowCredentials: true,
        exposeHeaders: ['X-Request-Id'],
        maxAgeSeconds: 600,
      },
      serverHeader: true,
      requestHeaderNames: { tlsVersion: 'X-Tls-Version', tlsCipherSuite: 'X-Tls-Cipher', mtlsClientcertLeaf: 'X-Client-Leaf' },
    },
    routes: [{ name: 'api', paths: ['/api/*'] }],
  }],
  ['response headers: HSTS off, no HTTP listener', {
    certificateArns: [CERT_ARN_1],
    redirectHttp: false,
    responseHeaders: { strictTransportSecurity: { enabled: false } },
    routes: [{ name: 'api', paths: ['/api/*'] }],
  }],
  ['connection logs off, access logs on', {
    certificateArns: [CERT_ARN_1],
    connectionLogs: { enabled: false },
    routes: [{ name: 'api', paths: ['/api/*'] }],
  }],
  ['dual stack without public IPv4: ::/0 ingress and AAAA records', {
    certificateArns: [CERT_ARN_1],
    ipAddressType: IpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4,
    aliasRecordNames: ['api.example.com'],
    routes: [{ name: 'api', paths: ['/api/*'] }],
  }],
  ['existing web ACL and existing log bucket with a prefix', {
    certificateArns: [CERT_ARN_1],
    waf: { webAclArn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/existing/abcd' },
    accessLogBucketName: 'my-central-logs',
    accessLogs: { prefix: 'alb/api' },
    routes: [{ name: 'api', paths: ['/api/*'] }],
  }],
  ['managed logs with custom expiry and prefix, WAF with a custom rate limit', {
    certificateArns: [CERT_ARN_1],
    accessLogs: { expirationDays: 30, prefix: 'api' },
    waf: { rateLimitPer5Minutes: 500 },
    routes: [{ name: 'api', paths: ['/api/*'] }],
  }],
  ['target groups: stickiness, slow start, weighted random, HTTPS/GRPC, instances, custom health checks', {
    certificateArns: [CERT_ARN_1],
    routes: [
      { name: 'lb-sticky', paths: ['/a/*'], stickiness: { type: StickinessType.LOAD_BALANCER_COOKIE, durationSeconds: 3600 }, slowStartSeconds: 60 },
      { name: 'app-sticky', paths: ['/b/*'], stickiness: { type: StickinessType.APPLICATION_COOKIE, cookieName: 'SESSIONID' } },
      { name: 'random', paths: ['/c/*'], algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM, anomalyMitigation: true },
      { name: 'random-plain', paths: ['/c2/*'], algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM },
      {
        name: 'grpc',
        paths: ['/grpc.Service/*'],
        protocol: TargetProtocol.HTTPS,
        protocolVersion: TargetProtocolVersion.GRPC,
        port: 50051,
        healthCheck: { path: '/grpc.health.v1.Health/Check', healthyHttpCodes: '200-299', port: 50052, protocol: TargetProtocol.HTTPS },
      },
      {
        name: 'instances',
        hosts: ['legacy.example.com'],
        targetType: TargetType.INSTANCE,
        requestDuration: RequestDuration.VARIABLE,
        deregistrationDelaySeconds: 0,
        healthCheck: { intervalSeconds: 300, timeoutSeconds: 120, healthyThreshold: 10, unhealthyThreshold: 10, healthyHttpCodes: '200,204' },
      },
    ],
  }],
  ['actions and conditions of every kind, explicit priorities', {
    certificateArns: [CERT_ARN_1],
    routes: [
      { name: 'old', paths: ['/old/*'], action: RouteAction.redirect({ protocol: 'HTTPS', host: 'new.example.com', port: '443', path: '/new/#{path}', query: 'from=old', status: RedirectStatus.FOUND }) },
      { name: 'moved', hosts: ['moved.example.com'], action: RouteAction.redirect({ host: 'example.com' }) },
      { name: 'teapot', paths: ['/teapot'], action: RouteAction.fixedResponse(418, { body: 'short and stout' }) },
      { name: 'maint', paths: ['/maint'], priority: 7, action: RouteAction.fixedResponse(503, { contentType: 'text/html', body: '<h1>back soon</h1>' }) },
      { name: 'empty', paths: ['/empty'], action: RouteAction.fixedResponse(204) },
      {
        name: 'blue',
        hosts: ['*.example.com'],
        paths: ['/api/*'],
        methods: ['GET'],
        headers: [{ name: 'X-Tenant', values: ['a*'] }, { name: 'accept', values: ['application/json'] }],
        action: RouteAction.weightedForward([{ route: 'blue', weight: 0 }, { route: 'green', weight: 999 }], 604800),
      },
      { name: 'office', sourceIps: ['10.0.0.0/8', '2001:db8::/32'], methods: ['POST', 'PATCH', 'DELETE'] },
      { name: 'debug', queryStrings: [{ key: 'version', value: '2' }, { value: 'debug' }], paths: ['/api/*'] },
      { name: 'green', priority: 50000, paths: ['/green/*'] },
    ],
    defaultAction: RouteAction.fixedResponse(404, { contentType: 'application/json', body: '{"error":"no route"}' }),
  }],
  ['Lambda routes: defaults (no health check), multi-value headers with a health check, weighted with a server group', {
    certificateArns: [CERT_ARN_1],
    routes: [
      { name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA },
      {
        name: 'fn-multi',
        paths: ['/multi/*'],
        targetType: TargetType.LAMBDA,
        lambdaMultiValueHeaders: true,
        healthCheck: { path: '/ping', intervalSeconds: 60, timeoutSeconds: 40, healthyThreshold: 3, unhealthyThreshold: 4, healthyHttpCodes: '200-299' },
      },
      { name: 'fn-checked', hosts: ['fn.example.com'], targetType: TargetType.LAMBDA, lambdaMultiValueHeaders: false, healthCheck: {} },
      { name: 'api', paths: ['/api/*'], action: RouteAction.weightedForward([{ route: 'api', weight: 80 }, { route: 'fn-canary', weight: 20 }]) },
      { name: 'fn-canary', targetType: TargetType.LAMBDA },
    ],
    defaultAction: RouteAction.forward('fn-canary'),
  }],
  ['mutual TLS verify: CA bundle and revocation lists uploaded from local files and named in S3, every option set', {
    certificateArns: [CERT_ARN_1],
    mutualTls: {
      mode: MutualTlsMode.VERIFY,
      caBundle: TrustStoreObject.fromFile(join(MTLS_FIXTURES, 'ca-bundle-two.crt')),
      revocationLists: [
        TrustStoreObject.fromS3('my-pki', 'crl/first.pem', 'v1'),
        TrustStoreObject.fromFile(join(MTLS_FIXTURES, 'revoked.crl')),
        TrustStoreObject.fromS3('my-pki', 'crl/third.pem'),
      ],
      ignoreClientCertificateExpiry: true,
      advertiseTrustStoreCaNames: true,
      trustStoreName: 'api-clients',
    },
    routes: [{ name: 'api', paths: ['/api/*'] }],
  }],
  ['mutual TLS verify with an S3 CA bundle (a version), AWS defaults otherwise', {
    certificateArns: [CERT_ARN_1],
    mutualTls: { mode: MutualTlsMode.VERIFY, caBundle: TrustStoreObject.fromS3('my-pki', 'ca/bundle.pem', '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY') },
    routes: [{ name: 'api', paths: ['/api/*'] }],
  }],
  ['mutual TLS passthrough', {
    certificateArns: [CERT_ARN_1],
    mutualTls: { mode: MutualTlsMode.PASSTHROUGH },
    routes: [{ name: 'api', paths: ['/api/*'] }],
  }],
  ['sign-in: OIDC with defaults (whole secret), OIDC with every setting (JSON field of a secret ARN), Cognito before a redirect', {
    certificateArns: [CERT_ARN_1],
    routes: [
      {
        name: 'app',
        paths: ['/app/*'],
        authenticate: Authentication.oidc({
          issuer: 'https://idp.example.com',
          authorizationEndpoint: 'https://idp.example.com/authorize',
          tokenEndpoint: 'https://idp.example.com/token',
          userInfoEndpoint: 'https://idp.example.com/userinfo',
          clientId: 'lbkit-app',
          clientSecret: ClientSecret.fromSecretsManager('prod/oidc-client'),
        }),
      },
      {
        name: 'admin',
        hosts: ['admin.example.com'],
        authenticate: Authentication.oidc({
          issuer: 'https://login.example.org/realms/main',
          authorizationEndpoint: 'https://login.example.org/realms/main/protocol/openid-connect/auth',
          tokenEndpoint: 'https://login.example.org/realms/main/protocol/openid-connect/token',
          userInfoEndpoint: 'https://login.example.org/realms/main/protocol/openid-connect/userinfo',
          clientId: 'admin',
          clientSecret: ClientSecret.fromSecretsManager('arn:aws:secretsmanager:eu-west-1:111111111111:secret:admin-oidc-AbCdEf', 'client-secret'),
          scope: 'openid email profile',
          sessionCookieName: 'AdminSession',
          sessionTimeoutSeconds: 3600,
          onUnauthenticatedRequest: UnauthenticatedRequestBehavior.DENY,
          authenticationRequestExtraParams: { prompt: 'login', acr_values: 'mfa' },
        }),
        action: RouteAction.fixedResponse(200, { body: 'signed in' }),
      },
      {
        name: 'docs',
        paths: ['/docs/*'],
        authenticate: Authentication.cognito({
          userPoolArn: 'arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_AbCdEf123',
          userPoolClientId: '1example23456789',
          userPoolDomain: 'lbkit-docs',
          onUnauthenticatedRequest: UnauthenticatedRequestBehavior.ALLOW,
        }),
        action: RouteAction.redirect({ host: 'docs.example.com' }),
      },
    ],
  }],
];

describe('hand-picked options: read(cloudformation) == read(terraform) == read(cdktn) == plan', () => {
  test.each(HAND_PICKED)('%s', (_, options) => {
    expectThreeWay(options);
  });
});

describe('the invariant notices a renderer that deviates from the contract', () => {
  const options: EngineOptions = { certificateArns: [CERT_ARN_1], routes: [{ name: 'api', paths: ['/api/*'], port: 8080 }] };

  test('CloudFormation: a target group written with another interval', () => {
    const { output, plan } = CLOUDFORMATION.synth(options);
    const group = Object.values(output.Resources as Record<string, any>).find((r) => r.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup');
    group.Properties.HealthCheckIntervalSeconds = 30;
    expect(modelDifferences(normalizeModel(plan.model), normalizeModel(CLOUDFORMATION.read(output)[0])))
      .toEqual(['model.targetGroups[0].healthCheck.intervalSeconds: 15 ≠ 30']);
  });

  test('Terraform: a listener rule without its lbkit:route tag, and deletion protection left out', () => {
    const { output, plan } = TERRAFORM.synth(options);
    const [ruleName, rule] = Object.entries(output.resource.aws_lb_listener_rule as Record<string, any>)[0];
    delete rule.tags;
    delete (Object.values(output.resource.aws_lb as Record<string, any>)[0]).enable_deletion_protection;
    expect(modelDifferences(normalizeModel(plan.model), normalizeModel(TERRAFORM.read(output)[0]))).toEqual([
      'model.attributes.deletionProtection: true ≠ false',
      `model.listeners[1].rules[0].route: "api" ≠ ${JSON.stringify(ruleName)}`,
    ]);
  });

  test('both engines: an LCU reservation left out reads as none, not the plan\'s', () => {
    const reserved: EngineOptions = { ...options, minimumCapacityUnits: 400 };
    const cfn = CLOUDFORMATION.synth(reserved);
    const cfnLb = Object.values(cfn.output.Resources as Record<string, any>).find((r) => r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    expect(cfnLb.Properties.MinimumLoadBalancerCapacity).toEqual({ CapacityUnits: 400 });
    delete cfnLb.Properties.MinimumLoadBalancerCapacity;
    expect(modelDifferences(normalizeModel(cfn.plan.model), normalizeModel(CLOUDFORMATION.read(cfn.output)[0]))).toEqual(['model.minimumCapacityUnits: 400 ≠ undefined']);
    const tf = TERRAFORM.synth(reserved);
    const tfLb = Object.values(tf.output.resource.aws_lb as Record<string, any>)[0];
    expect(tfLb.minimum_load_balancer_capacity).toEqual({ capacity_units: 400 });
    delete tfLb.minimum_load_balancer_capacity;
    expect(modelDifferences(normalizeModel(tf.plan.model), normalizeModel(TERRAFORM.read(tf.output)[0]))).toEqual(['model.minimumCapacityUnits: 400 ≠ undefined']);
  });

  test('both engines: connection logs left out read as off (AWS\'s default), not the plan\'s', () => {
    const cfn = CLOUDFORMATION.synth(options);
    const cfnLb = Object.values(cfn.output.Resources as Record<string, any>).find((r) => r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    cfnLb.Properties.LoadBalancerAttributes = cfnLb.Properties.LoadBalancerAttributes.filter((a: any) => !String(a.Key).startsWith('connection_logs.'));
    expect(modelDifferences(normalizeModel(cfn.plan.model), normalizeModel(CLOUDFORMATION.read(cfn.output)[0])))
      .toEqual(['model.connectionLogs.enabled: true ≠ false', 'model.connectionLogs.prefix: "connection-logs" ≠ undefined']);
    const tf = TERRAFORM.synth(options);
    const tfLb = Object.values(tf.output.resource.aws_lb as Record<string, any>)[0];
    expect(tfLb.connection_logs).toEqual(expect.objectContaining({ enabled: true, prefix: 'connection-logs' }));
    delete tfLb.connection_logs;
    expect(modelDifferences(normalizeModel(tf.plan.model), normalizeModel(TERRAFORM.read(tf.output)[0])))
      .toEqual(['model.connectionLogs.enabled: true ≠ false', 'model.connectionLogs.prefix: "connection-logs" ≠ undefined']);
  });

  test('both engines: an HTTPS listener whose header attributes are left out reads as AWS\'s (Server header on, nothing added)', () => {
    const expected = [
      'model.listeners[1].headers.serverHeader: false ≠ true',
      'model.listeners[1].headers.strictTransportSecurity: "max-age=31536000" ≠ undefined',
      'model.listeners[1].headers.xContentTypeOptions: "nosniff" ≠ undefined',
    ];
    const cfn = CLOUDFORMATION.synth(options);
    const cfnListener = Object.values(cfn.output.Resources as Record<string, any>)
      .find((r) => r.Type === 'AWS::ElasticLoadBalancingV2::Listener' && r.Properties.Port === 443);
    delete cfnListener.Properties.ListenerAttributes;
    expect(modelDifferences(normalizeModel(cfn.plan.model), normalizeModel(CLOUDFORMATION.read(cfn.output)[0]))).toEqual(expected);
    const tf = TERRAFORM.synth(options);
    const tfListener = Object.values(tf.output.resource.aws_lb_listener as Record<string, any>).find((l) => l.port === 443);
    for (const key of Object.keys(tfListener).filter((k) => k.startsWith('routing_http_'))) delete tfListener[key];
    expect(modelDifferences(normalizeModel(tf.plan.model), normalizeModel(TERRAFORM.read(tf.output)[0]))).toEqual(expected);
  });
});
