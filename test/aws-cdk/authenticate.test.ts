import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import { all, errorOf, harness, minimalProps, synth } from './fixtures';
import { WebApiLoadBalancer } from '../../src/aws-cdk';
import { Authentication, ClientSecret, RouteAction, UnauthenticatedRequestBehavior } from '../../src/core';
import { isApplicationModel } from '../../src/core/model/any-load-balancer-model';
import { REFERENCE } from '../../src/core/model/load-balancer-model';
import { readCloudFormation } from '../../src/readers';
import { COGNITO, OIDC } from '../support/sign-in';


const rulesByRoute = (template: ReturnType<typeof synth>['template']) =>
  Object.fromEntries(all(template, 'AWS::ElasticLoadBalancingV2::ListenerRule').map((r) => [r.Metadata['lbkit:route'], r.Properties]));

describe('sign-in before a route\'s action (CloudFormation)', () => {
  test('OIDC: authenticate-oidc at Order 1 with AWS\'s defaults written out, the forward at Order 2, the secret as a dynamic reference', () => {
    const { template } = synth({ routes: [{ name: 'app', paths: ['/app/*'], authenticate: Authentication.oidc(OIDC) }] });
    const actions = rulesByRoute(template).app.Actions;
    expect(actions).toEqual([
      {
        Type: 'authenticate-oidc',
        Order: 1,
        AuthenticateOidcConfig: {
          Issuer: 'https://idp.example.com',
          AuthorizationEndpoint: 'https://idp.example.com/authorize',
          TokenEndpoint: 'https://idp.example.com/token',
          UserInfoEndpoint: 'https://idp.example.com/userinfo',
          ClientId: 'lbkit',
          ClientSecret: '{{resolve:secretsmanager:prod/oidc:SecretString:client_secret::}}',
          Scope: 'openid',
          SessionCookieName: 'AWSELBAuthSessionCookie',
          SessionTimeout: 604800,
          OnUnauthenticatedRequest: 'authenticate',
        },
      },
      { Type: 'forward', Order: 2, TargetGroupArn: expect.objectContaining({ Ref: expect.any(String) }) },
    ]);
  });

  test('Cognito before a fixed response, with extra parameters; routes without sign-in keep one action without Order', () => {
    const { template } = synth({
      routes: [
        {
          name: 'docs',
          paths: ['/docs/*'],
          authenticate: Authentication.cognito({ ...COGNITO, onUnauthenticatedRequest: UnauthenticatedRequestBehavior.DENY, authenticationRequestExtraParams: { prompt: 'login' } }),
          action: RouteAction.fixedResponse(200, { body: 'hi' }),
        },
        { name: 'api', paths: ['/api/*'] },
      ],
    });
    const rules = rulesByRoute(template);
    expect(rules.docs.Actions[0]).toEqual({
      Type: 'authenticate-cognito',
      Order: 1,
      AuthenticateCognitoConfig: {
        ...Object.fromEntries(Object.entries(COGNITO).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v])),
        Scope: 'openid',
        SessionCookieName: 'AWSELBAuthSessionCookie',
        SessionTimeout: 604800,
        OnUnauthenticatedRequest: 'deny',
        AuthenticationRequestExtraParams: { prompt: 'login' },
      },
    });
    expect(rules.docs.Actions[1]).toMatchObject({ Type: 'fixed-response', Order: 2 });
    expect(rules.api.Actions).toEqual([{ Type: 'forward', TargetGroupArn: expect.anything() }]);
  });

  test('a secret of the stack (ISecret.secretArn) is a dynamic reference joined around its Ref, read back as a reference with its field', () => {
    const h = harness();
    const secret = new secretsmanager.Secret(h.stack, 'OidcSecret');
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, {
      routes: [{ name: 'app', paths: ['/app/*'], authenticate: Authentication.oidc({ ...OIDC, clientSecret: ClientSecret.fromSecretsManager(secret.secretArn, 'client_secret') }) }],
    }));
    const template = h.app.synth().getStackByName('Stack').template;
    const rule: any = Object.values(template.Resources).find((r: any) => r.Type === 'AWS::ElasticLoadBalancingV2::ListenerRule');
    expect(rule.Properties.Actions[0].AuthenticateOidcConfig.ClientSecret).toEqual({
      'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: expect.stringMatching(/^OidcSecret/) }, ':SecretString:client_secret::}}']],
    });
    const [model] = readCloudFormation(template).filter(isApplicationModel);
    expect(model.listeners[1].rules[0].authenticate).toMatchObject({ type: 'authenticate-oidc', clientSecret: { secretId: REFERENCE, jsonField: 'client_secret' } });
  });

  test('Cognito from the app\'s own user pool, client and domain: their references pass through, unchecked, and read back as references', () => {
    const h = harness();
    const pool = new cognito.UserPool(h.stack, 'Users');
    const client = pool.addClient('Alb', { generateSecret: true });
    const domain = pool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'lbkit-users' } });
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, {
      routes: [{
        name: 'docs',
        paths: ['/docs/*'],
        authenticate: Authentication.cognito({
          userPoolArn: pool.userPoolArn,
          userPoolClientId: client.userPoolClientId,
          userPoolDomain: domain.domainName,
        }),
      }],
    }));
    const template = h.app.synth().getStackByName('Stack').template;
    const rule: any = Object.values(template.Resources).find((r: any) => r.Type === 'AWS::ElasticLoadBalancingV2::ListenerRule');
    expect(rule.Properties.Actions[0].AuthenticateCognitoConfig).toMatchObject({
      UserPoolArn: { 'Fn::GetAtt': [expect.stringMatching(/^Users/), 'Arn'] },
      UserPoolClientId: { Ref: expect.stringMatching(/^UsersAlb/) },
      UserPoolDomain: { Ref: expect.stringMatching(/^UsersDomain/) },
    });
    const [model] = readCloudFormation(template).filter(isApplicationModel);
    expect(model.listeners[1].rules[0].authenticate)
      .toMatchObject({ userPoolArn: REFERENCE, userPoolClientId: REFERENCE, userPoolDomain: REFERENCE });
  });

  test('the synthesized template never holds a client secret, only the reference', () => {
    const { template } = synth({ routes: [{ name: 'app', paths: ['/app/*'], authenticate: Authentication.oidc({ ...OIDC, clientSecret: ClientSecret.fromSecretsManager('prod/oidc') }) }] });
    expect(rulesByRoute(template).app.Actions[0].AuthenticateOidcConfig.ClientSecret).toBe('{{resolve:secretsmanager:prod/oidc:SecretString:::}}');
  });

  test('bad input fails at synth naming the construct path', () => {
    expect(errorOf({ routes: [{ name: 'app', paths: ['/app/*'], authenticate: Authentication.oidc({ ...OIDC, issuer: 'http://idp.example.com' }) }] }))
      .toMatch(/^Stack\/Api: routes\["app"\]\.authenticate issuer must be a full https URL/);
  });

  test('cdk-nag AwsSolutions: OIDC and Cognito routes add no finding and need no acknowledgement', () => {
    const h = harness();
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, {
      routes: [
        { name: 'app', paths: ['/app/*'], authenticate: Authentication.oidc(OIDC) },
        { name: 'docs', paths: ['/docs/*'], authenticate: Authentication.cognito(COGNITO) },
      ],
    }));
    h.app.synth();
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(h.stack.node.findChild('Api'));
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });
});
