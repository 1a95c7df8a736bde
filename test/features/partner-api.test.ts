import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createApp as createCdkApp, PARTNER_CA as CDK_CA } from '../../examples/partner-api-cdk/app';
import { createApp as createTfApp, PARTNER_CA as TF_CA } from '../../examples/partner-api-cdktf/main';
import { LoadBalancerModel, normalizeModel } from '../../src/core/model/load-balancer-model';
import { readSynthesizedFile } from '../../src/readers';
import { modelDifferences } from '../support/engines';

/** The planned model of the stack's load balancer `Api` (the construct keeps its plan as `_plan`). */
function plannedModel(stack: { node: { findChild(id: string): { node: { findAll(): unknown[] } } } }): LoadBalancerModel {
  const holder = stack.node.findChild('Api').node.findAll().find((c) => (c as { _plan?: unknown })._plan !== undefined);
  return (holder as { _plan: { model: LoadBalancerModel } })._plan.model;
}

const engines = ['cloudformation', 'terraform'] as const;
type Engine = typeof engines[number];

/**
 * The partner-api example (issue 14's done-when): mutual TLS verify with a committed CA bundle,
 * hardened response headers and an OIDC-protected route, the same options on both engines. Each
 * engine's output reads back as its plan and as the other's, and holds each option.
 */
describe('the partner-api example: read(cloudformation) == read(terraform) == plan, mTLS verify, headers and sign-in present', () => {
  let dir: string;
  const read = {} as Record<Engine, LoadBalancerModel>;
  const planned = {} as Record<Engine, LoadBalancerModel>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lbkit-partner-api-'));
    const cdkApp = createCdkApp(join(dir, 'cdk.out'));
    cdkApp.synth();
    const cdkRead = readSynthesizedFile(join(dir, 'cdk.out', 'PartnerApiStack.template.json'));
    expect(cdkRead.unmodeled).toEqual([]);
    read.cloudformation = cdkRead.models[0] as LoadBalancerModel;
    planned.cloudformation = plannedModel(cdkApp.node.findChild('PartnerApiStack'));
    const tfApp = createTfApp(join(dir, 'cdktf.out'));
    tfApp.synth();
    const tfRead = readSynthesizedFile(join(dir, 'cdktf.out', 'stacks', 'partner-api', 'cdk.tf.json'));
    expect(tfRead.unmodeled).toEqual([]);
    read.terraform = tfRead.models[0] as LoadBalancerModel;
    planned.terraform = plannedModel(tfApp.node.findChild('partner-api'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const https = (model: LoadBalancerModel) => model.listeners.find((l) => l.protocol === 'HTTPS')!;
  const http = (model: LoadBalancerModel) => model.listeners.find((l) => l.protocol === 'HTTP')!;

  test('both examples point at the same CA certificate bytes', () => {
    expect(readFileSync(TF_CA)).toEqual(readFileSync(CDK_CA));
  });

  test.each(engines)('%s output reads back as its plan', (engine) => {
    expect(read[engine].name).toBe('Api');
    expect(modelDifferences(normalizeModel(planned[engine]), normalizeModel(read[engine]))).toEqual([]);
  });

  test('both engines read as the same model', () => {
    expect(modelDifferences(normalizeModel(read.cloudformation), normalizeModel(read.terraform))).toEqual([]);
  });

  test.each(engines)('%s: the HTTPS listener verifies client certificates against the uploaded CA bundle (its SHA-256)', (engine) => {
    const sha256 = createHash('sha256').update(readFileSync(CDK_CA)).digest('hex');
    expect(https(read[engine]).mutualAuthentication).toEqual({
      mode: 'verify',
      trustStore: { caBundle: { kind: 'uploaded', sha256 }, revocationLists: [] },
      ignoreClientCertificateExpiry: false,
      advertiseTrustStoreCaNames: false,
    });
    expect(http(read[engine]).mutualAuthentication).toBeUndefined();
  });

  test.each(engines)('%s: hardened response headers on both listeners (HSTS on HTTPS only, no Server header)', (engine) => {
    const hardened = {
      serverHeader: false,
      xContentTypeOptions: 'nosniff',
      contentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'",
      xFrameOptions: 'DENY',
      accessControlAllowOrigin: 'https://portal.partners.example.com',
      accessControlAllowMethods: 'GET,POST',
      accessControlAllowHeaders: 'content-type,authorization',
      accessControlMaxAge: '600',
    };
    expect(https(read[engine]).headers).toEqual({ ...hardened, strictTransportSecurity: 'max-age=31536000' });
    expect(http(read[engine]).headers).toEqual(hardened);
  });

  test.each(engines)('%s: /admin/* signs in with OIDC (client secret from Secrets Manager) before forwarding; /api/* does not', (engine) => {
    const rules = Object.fromEntries(https(read[engine]).rules.map((r) => [r.route, r]));
    expect(Object.keys(rules).sort()).toEqual(['admin', 'api']);
    expect(rules.admin.conditions.pathPatterns).toEqual(['/admin/*']);
    expect(rules.admin.authenticate).toEqual({
      type: 'authenticate-oidc',
      issuer: 'https://login.example.com',
      authorizationEndpoint: 'https://login.example.com/oauth2/authorize',
      tokenEndpoint: 'https://login.example.com/oauth2/token',
      userInfoEndpoint: 'https://login.example.com/oauth2/userinfo',
      clientId: 'partner-api-admin',
      clientSecret: { secretId: 'partner-api/admin-oidc', jsonField: 'client_secret' },
      scope: 'openid email',
      sessionCookieName: 'AWSELBAuthSessionCookie',
      sessionTimeoutSeconds: 28_800,
      onUnauthenticatedRequest: 'authenticate',
    });
    expect(rules.admin.action).toMatchObject({ type: 'forward' });
    expect(rules.api.authenticate).toBeUndefined();
  });

  test.each(engines)('%s: the client secret is only referenced, never written', (engine) => {
    const file = engine === 'cloudformation'
      ? join(dir, 'cdk.out', 'PartnerApiStack.template.json')
      : join(dir, 'cdktf.out', 'stacks', 'partner-api', 'cdk.tf.json');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(engine === 'cloudformation'
      ? '{{resolve:secretsmanager:partner-api/admin-oidc:SecretString:client_secret::}}'
      : 'aws_secretsmanager_secret_version');
  });
});
