import { cfnTemplate, tfConfig } from './fixtures';
import { LoadBalancerModel } from '../../src/core/model/load-balancer-model';
import { LbkitConfigError, readCloudFormation, readTerraform } from '../../src/readers';

const ISSUER = 'https://issuer.example.com';
const JWKS = 'https://issuer.example.com/jwks';
const apiRule = (model: LoadBalancerModel) => model.listeners.flatMap((l) => l.rules).find((r) => r.route === 'api')!;

/** The fixture's api rule with a jwt-validation action (order 1) before its forward (order 2), as each engine writes it. */
function withJwt(claims: Array<{ format: string; name: string; values: string[] }>) {
  const t = cfnTemplate();
  const cfnActions = t.Resources.ApiRule.Properties.Actions;
  t.Resources.ApiRule.Properties.Actions = [
    { Type: 'jwt-validation', Order: 1, JwtValidationConfig: { Issuer: ISSUER, JwksEndpoint: JWKS, AdditionalClaims: claims.map((c) => ({ Format: c.format, Name: c.name, Values: c.values })) } },
    { ...cfnActions[0], Order: 2 },
  ];
  const c = tfConfig();
  const tfRule = c.resource.aws_lb_listener_rule.api;
  // Terraform writes a block as an object or a list of one: the list form here.
  tfRule.action = [
    { type: 'jwt-validation', order: 1, jwt_validation: [{ issuer: ISSUER, jwks_endpoint: JWKS, additional_claim: claims }] },
    { ...tfRule.action[0], order: 2 },
  ];
  return { t, c };
}

test('both readers read a jwt-validation action onto the rule, claims sorted by name whatever the order written', () => {
  const { t, c } = withJwt([{ format: 'string-array', name: 'groups', values: ['ops'] }, { format: 'single-string', name: 'aud', values: ['orders'] }]);
  const expected = {
    issuer: ISSUER,
    jwksEndpoint: JWKS,
    additionalClaims: [{ format: 'single-string', name: 'aud', values: ['orders'] }, { format: 'string-array', name: 'groups', values: ['ops'] }],
  };
  for (const model of [readCloudFormation(t)[0], readTerraform(c)[0]] as LoadBalancerModel[]) {
    expect(apiRule(model).validateJwt).toEqual(expected);
    expect(apiRule(model).authenticate).toBeUndefined();
  }
});

test('an unknown claim format, or a token check with a sign-in on one rule, is refused with the rule named', () => {
  const { t } = withJwt([{ format: 'json', name: 'aud', values: ['x'] }]);
  expect(() => readCloudFormation(t)).toThrow(LbkitConfigError);
  expect(() => readCloudFormation(t)).toThrow(/ApiRule: unsupported JWT claim format "json"/);
  const { c } = withJwt([]);
  const rule = c.resource.aws_lb_listener_rule.api;
  rule.action = [{ type: 'authenticate-cognito', order: 1, authenticate_cognito: {} }, { ...rule.action[0], order: 2 }, { ...rule.action[1], order: 3 }];
  expect(() => readTerraform(c)).toThrow(/has 3 actions \(authenticate-cognito, jwt-validation, forward\)/);
});
