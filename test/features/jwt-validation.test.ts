import { LbkitValidationError } from '../../src/core/errors';
import { expectCloudFormationAndCdktnReadAsPlanned, TERRAFORM } from '../support/engines';
import { JWT_ISSUER, JWT_JWKS_ENDPOINT, JWT_OPTIONS, jwtOutputs } from '../support/jwt-validation';

/** JWT validation on the engines whose provider has it (CloudFormation, lbkit/cdktn) and the refusal on lbkit/cdktf. */
const SCOPED_CLAIMS = [
  { format: 'single-string', name: 'aud', values: ['orders'] },
  { format: 'string-array', name: 'groups', values: ['ops'] },
  { format: 'space-separated-values', name: 'scope', values: ['read', 'admin'] },
];

const { cloudformation: cfn, cdktn: tn } = jwtOutputs();

const resourcesOf = (output: Record<string, any>, type: string): Array<[string, any]> => (output.Resources
  ? Object.entries(output.Resources as Record<string, any>).filter(([, r]) => r.Type === type).map(([id, r]) => [id, r.Properties])
  : Object.entries((output.resource?.[type] ?? {}) as Record<string, any>));

test('CloudFormation: a jwt-validation action (Order 1) before the forward (Order 2); the open rule forwards only', () => {
  const rules = resourcesOf(cfn.output, 'AWS::ElasticLoadBalancingV2::ListenerRule');
  const api = rules.find(([id]) => id.includes('Ruleapi'))![1];
  expect(api.Actions[0]).toEqual({ Type: 'jwt-validation', Order: 1, JwtValidationConfig: { Issuer: JWT_ISSUER, JwksEndpoint: JWT_JWKS_ENDPOINT } });
  expect(api.Actions[1]).toMatchObject({ Type: 'forward', Order: 2 });
  const scoped = rules.find(([id]) => id.includes('Rulescoped'))![1];
  expect(scoped.Actions[0].JwtValidationConfig.AdditionalClaims)
    .toEqual(SCOPED_CLAIMS.map((c) => ({ Format: c.format, Name: c.name, Values: c.values })));
  expect(rules.find(([id]) => id.includes('Ruleopen'))![1].Actions.map((a: any) => a.Type)).toEqual(['forward']);
});

test('cdktn: an action block with jwt_validation (order 1) and additional_claim blocks (hashicorp/aws 6.x)', () => {
  const rules = resourcesOf(tn.output, 'aws_lb_listener_rule');
  const scoped = rules.find(([id]) => id.includes('scoped'))![1];
  expect(scoped.action[0]).toEqual({
    type: 'jwt-validation',
    order: 1,
    jwt_validation: { issuer: JWT_ISSUER, jwks_endpoint: JWT_JWKS_ENDPOINT, additional_claim: SCOPED_CLAIMS },
  });
  expect(scoped.action[1]).toMatchObject({ type: 'forward', order: 2 });
  expect(rules.find(([id]) => id.includes('open'))![1].action.map((a: any) => a.type)).toEqual(['forward']);
  expect(tn.output.terraform.required_providers.aws.version).toMatch(/^6\./);
});

test('read(cloudformation) == read(cdktn) == plan, JWT validation included and none left unmodeled', () => {
  const tnModel = expectCloudFormationAndCdktnReadAsPlanned(cfn, tn);
  const rules = tnModel.listeners.flatMap((l) => l.rules);
  expect(Object.fromEntries(rules.filter((r) => r.validateJwt).map((r) => [r.route, r.validateJwt]))).toEqual({
    api: { issuer: JWT_ISSUER, jwksEndpoint: JWT_JWKS_ENDPOINT },
    scoped: { issuer: JWT_ISSUER, jwksEndpoint: JWT_JWKS_ENDPOINT, additionalClaims: SCOPED_CLAIMS },
  });
});

test('cdktf (hashicorp/aws 5.100.0) refuses validateJwt at synth time, naming the path, the option and the provider it needs', () => {
  let error: unknown;
  try {
    TERRAFORM.synth({ ...JWT_OPTIONS, routes: JWT_OPTIONS.routes!.filter((r) => r.name !== 'scoped') });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(LbkitValidationError);
  const e = error as LbkitValidationError;
  expect(e.constructPath).toBe('stack/Api');
  expect(e.option).toBe('routes["api"].validateJwt');
  expect(e.message).toContain('hashicorp/aws 5.100.0');
  expect(e.message).toContain('hashicorp/aws 6.x — use lbkit/cdktn or the CloudFormation engine');
  expect(e.message).toContain(JWT_ISSUER);
});
