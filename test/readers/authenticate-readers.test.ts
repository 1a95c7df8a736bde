import { Testing } from 'cdktf';
import { WebApiLoadBalancer as CdkWebApi } from '../../src/aws-cdk';
import { WebApiLoadBalancer as TfWebApi } from '../../src/cdktf';
import { Authentication, RouteOptions } from '../../src/core';
import { isApplicationModel } from '../../src/core/model/any-load-balancer-model';
import { REFERENCE, RuleModel } from '../../src/core/model/load-balancer-model';
import { parseDynamicReference, parseSecretExpression } from '../../src/readers/client-secret';
import { readCloudFormationOutput } from '../../src/readers/cloudformation';
import { readTerraformOutput } from '../../src/readers/terraform';
import { harness as cdkHarness, minimalProps as cdkProps } from '../aws-cdk/fixtures';
import { harness as tfHarness, minimalProps as tfProps } from '../cdktf/fixtures';
import { COGNITO, OIDC } from '../support/sign-in';

const ROUTES: RouteOptions[] = [
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
    }),
  },
];

function cfnOutput(): any {
  const h = cdkHarness();
  new CdkWebApi(h.stack, 'Api', cdkProps(h, { routes: ROUTES }));
  return h.app.synth().getStackByName('Stack').template;
}

function tfOutput(): any {
  const h = tfHarness();
  new TfWebApi(h.stack, 'Api', tfProps({ routes: ROUTES }));
  return JSON.parse(Testing.synth(h.stack));
}

const rulesOf = (models: unknown[]): Record<string, RuleModel> =>
  Object.fromEntries((models as any[]).filter(isApplicationModel).flatMap((m) => m.listeners.flatMap((l) => l.rules)).map((r) => [r.route, r]));

describe('reading sign-in actions', () => {
  test('CloudFormation dynamic references: name or ARN, whole or a JSON field; anything else is an unknown secret', () => {
    expect(parseDynamicReference('{{resolve:secretsmanager:prod/oidc:SecretString:client_secret::}}')).toEqual({ secretId: 'prod/oidc', jsonField: 'client_secret' });
    expect(parseDynamicReference('{{resolve:secretsmanager:prod/oidc:SecretString:::}}')).toEqual({ secretId: 'prod/oidc' });
    expect(parseDynamicReference('{{resolve:secretsmanager:prod/oidc}}')).toEqual({ secretId: 'prod/oidc' });
    expect(parseDynamicReference('{{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:111111111111:secret:oidc-AbCdEf:SecretString:f:AWSCURRENT:}}'))
      .toEqual({ secretId: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:oidc-AbCdEf', jsonField: 'f' });
    expect(parseDynamicReference('{{resolve:ssm-secure:/oidc}}')).toEqual({ secretId: REFERENCE });
    expect(parseDynamicReference('hunter2')).toEqual({ secretId: REFERENCE });
  });

  test('Terraform expressions on the secret-version data source: whole, .field, ["field"], lookup(); anything else is not one', () => {
    const type = 'aws_secretsmanager_secret_version';
    expect(parseSecretExpression('${data.aws_secretsmanager_secret_version.s.secret_string}', type)).toEqual({ name: 's' });
    expect(parseSecretExpression('${jsondecode(data.aws_secretsmanager_secret_version.s.secret_string).client_secret}', type)).toEqual({ name: 's', jsonField: 'client_secret' });
    expect(parseSecretExpression('${jsondecode(data.aws_secretsmanager_secret_version.s.secret_string)["a.b"]}', type)).toEqual({ name: 's', jsonField: 'a.b' });
    expect(parseSecretExpression('${lookup(jsondecode(data.aws_secretsmanager_secret_version.s.secret_string), "k")}', type)).toEqual({ name: 's', jsonField: 'k' });
    expect(parseSecretExpression('${var.secret}', type)).toBeUndefined();
    expect(parseSecretExpression('${data.aws_secretsmanager_secret_version.s.secret_binary}', type)).toBeUndefined();
  });

  test('both engines read the rules\' sign-in alike, and report nothing of it as unmodeled', () => {
    const cfn = readCloudFormationOutput(cfnOutput());
    const tf = readTerraformOutput(tfOutput());
    expect(cfn.unmodeled).toEqual([]);
    expect(tf.unmodeled).toEqual([]);
    expect(rulesOf(cfn.models).app.authenticate).toEqual(rulesOf(tf.models).app.authenticate);
    expect(rulesOf(tf.models).app.authenticate).toMatchObject({ clientSecret: { secretId: 'prod/oidc', jsonField: 'client_secret' } });
    expect(rulesOf(cfn.models).docs.authenticate).toEqual(rulesOf(tf.models).docs.authenticate);
  });

  test('settings left out read as AWS\'s defaults (both engines)', () => {
    const template = cfnOutput();
    const rule: any = Object.values(template.Resources).find((r: any) => r.Metadata?.['lbkit:route'] === 'docs');
    const c = rule.Properties.Actions[0].AuthenticateCognitoConfig;
    for (const k of ['Scope', 'SessionCookieName', 'SessionTimeout', 'OnUnauthenticatedRequest']) delete c[k];
    const config = tfOutput();
    const tfRule: any = Object.values(config.resource.aws_lb_listener_rule).find((r: any) => r.tags['lbkit:route'] === 'docs');
    const t = tfRule.action[0].authenticate_cognito;
    for (const k of ['scope', 'session_cookie_name', 'session_timeout', 'on_unauthenticated_request']) delete t[k];
    const expected = { scope: 'openid', sessionCookieName: 'AWSELBAuthSessionCookie', sessionTimeoutSeconds: 604800, onUnauthenticatedRequest: 'authenticate' };
    expect(rulesOf(readCloudFormationOutput(template).models).docs.authenticate).toMatchObject(expected);
    expect(rulesOf(readTerraformOutput(config).models).docs.authenticate).toMatchObject(expected);
  });
});
