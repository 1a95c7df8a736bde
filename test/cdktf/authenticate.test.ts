import { addressOf, errorOf, rulesByRoute, synth } from './fixtures';
import { Authentication, ClientSecret, RouteAction, UnauthenticatedRequestBehavior } from '../../src/core';
import { isApplicationModel } from '../../src/core/model/any-load-balancer-model';
import { REFERENCE } from '../../src/core/model/load-balancer-model';
import { readTerraform } from '../../src/readers';
import { COGNITO, OIDC } from '../support/sign-in';

const ROUTES = [
  { name: 'app', paths: ['/app/*'], authenticate: Authentication.oidc(OIDC) },
  {
    name: 'admin',
    hosts: ['admin.example.com'],
    authenticate: Authentication.oidc({ ...OIDC, clientSecret: ClientSecret.fromSecretsManager('admin-oidc') }),
    action: RouteAction.fixedResponse(200),
  },
  {
    name: 'docs',
    paths: ['/docs/*'],
    authenticate: Authentication.cognito({ ...COGNITO, onUnauthenticatedRequest: UnauthenticatedRequestBehavior.ALLOW, authenticationRequestExtraParams: { prompt: 'login' } }),
  },
];

describe('sign-in before a route\'s action (Terraform)', () => {
  test('OIDC: an authenticate_oidc action block at order 1, the forward at order 2, the secret from a data source that waits for the listener', () => {
    const { tf } = synth({ routes: [ROUTES[0]] });
    const [auth, forward] = rulesByRoute(tf).app.action;
    const data = Object.keys(tf.data.aws_secretsmanager_secret_version);
    expect(data).toHaveLength(1);
    expect(auth).toEqual({
      type: 'authenticate-oidc',
      order: 1,
      authenticate_oidc: {
        issuer: 'https://idp.example.com',
        authorization_endpoint: 'https://idp.example.com/authorize',
        token_endpoint: 'https://idp.example.com/token',
        user_info_endpoint: 'https://idp.example.com/userinfo',
        client_id: 'lbkit',
        client_secret: `\${jsondecode(data.aws_secretsmanager_secret_version.${data[0]}.secret_string).client_secret}`,
        scope: 'openid',
        session_cookie_name: 'AWSELBAuthSessionCookie',
        session_timeout: 604800,
        on_unauthenticated_request: 'authenticate',
      },
    });
    expect(forward).toMatchObject({ type: 'forward', order: 2 });
    const { ['//']: _meta, ...body } = tf.data.aws_secretsmanager_secret_version[data[0]];
    expect(body).toEqual({ secret_id: 'prod/oidc', depends_on: [addressOf(tf, 'aws_lb_listener', 'Api/Listener443')] });
  });

  test('a whole secret is its secret_string; Cognito has no secret; a field that is no identifier is indexed', () => {
    const { tf } = synth({
      routes: [...ROUTES.slice(1), { name: 'dots', paths: ['/d/*'], authenticate: Authentication.oidc({ ...OIDC, clientSecret: ClientSecret.fromSecretsManager('s', 'oidc.secret') }) }],
    });
    const rules = rulesByRoute(tf);
    expect(rules.admin.action[0].authenticate_oidc.client_secret).toMatch(/^\$\{data\.aws_secretsmanager_secret_version\.[\w-]+\.secret_string\}$/);
    expect(rules.dots.action[0].authenticate_oidc.client_secret).toMatch(/^\$\{jsondecode\(data\.aws_secretsmanager_secret_version\.[\w-]+\.secret_string\)\["oidc\.secret"\]\}$/);
    expect(rules.docs.action[0]).toEqual({
      type: 'authenticate-cognito',
      order: 1,
      authenticate_cognito: {
        user_pool_arn: COGNITO.userPoolArn,
        user_pool_client_id: COGNITO.userPoolClientId,
        user_pool_domain: 'lbkit-users',
        scope: 'openid',
        session_cookie_name: 'AWSELBAuthSessionCookie',
        session_timeout: 604800,
        on_unauthenticated_request: 'allow',
        authentication_request_extra_params: { prompt: 'login' },
      },
    });
    const [model] = readTerraform(tf).filter(isApplicationModel);
    const byRoute = Object.fromEntries(model.listeners[1].rules.map((r) => [r.route, r.authenticate]));
    expect(byRoute.admin).toMatchObject({ clientSecret: { secretId: 'admin-oidc' } });
    expect(byRoute.dots).toMatchObject({ clientSecret: { secretId: 's', jsonField: 'oidc.secret' } });
  });

  test('a client secret lbkit cannot trace (a variable, a literal) reads as a reference, never as a value', () => {
    const { tf } = synth({ routes: [ROUTES[0]] });
    const rule: any = Object.values(tf.resource.aws_lb_listener_rule)[0];
    rule.action[0].authenticate_oidc.client_secret = '${var.oidc_secret}';
    const [model] = readTerraform(tf).filter(isApplicationModel);
    expect(model.listeners[1].rules[0].authenticate).toMatchObject({ clientSecret: { secretId: REFERENCE } });
  });

  test('bad input fails at synth naming the construct path', () => {
    expect(errorOf({ routes: [{ name: 'app', paths: ['/app/*'], authenticate: Authentication.cognito({ ...COGNITO, userPoolArn: 'arn:aws:s3:::bucket' }) }] }))
      .toMatch(/^Stack\/Api: routes\["app"\]\.authenticate userPoolArn must be a Cognito user pool ARN/);
  });

  // terraform validate and the offline plan (the secret read at apply, after the listener exists) run on the
  // partner-api example in test/cdktf/terraform-check.test.ts, which fails rather than skips in CI.
});
