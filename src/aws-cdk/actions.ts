import { SecretValue } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ActionModel, AuthenticateActionModel, isPlainForward, JwtValidationModel, RuleModel } from '../core/model/load-balancer-model';
import { cognitoUserPoolFields, oidcProviderFields, signInSessionFields } from '../core/plan/authenticate';

/**
 * The part of a CloudFormation listener action lbkit writes; assignable to both
 * `CfnListener.ActionProperty` and `CfnListenerRule.ActionProperty`.
 */
export interface RenderedAction {
  readonly type: string;
  readonly targetGroupArn?: string;
  readonly forwardConfig?: elbv2.CfnListener.ForwardConfigProperty & elbv2.CfnListenerRule.ForwardConfigProperty;
  readonly redirectConfig?: elbv2.CfnListener.RedirectConfigProperty & elbv2.CfnListenerRule.RedirectConfigProperty;
  readonly fixedResponseConfig?: elbv2.CfnListener.FixedResponseConfigProperty & elbv2.CfnListenerRule.FixedResponseConfigProperty;
}

/** A listener rule's action list: the sign-in or token check first (Order 1) when there is one, then the action (Order 2). */
export function renderRuleActions(rule: RuleModel, arnOf: TargetGroupArnOf): elbv2.CfnListenerRule.ActionProperty[] {
  const first = rule.authenticate ? renderAuthenticate(rule.authenticate) : rule.validateJwt ? renderJwtValidation(rule.validateJwt) : undefined;
  if (!first) return [renderAction(rule.action, arnOf)];
  return [{ ...first, order: 1 }, { ...renderAction(rule.action, arnOf), order: 2 }];
}

/** A `jwt-validation` action (`JwtValidationConfig`); additional claims as the model sorts them. */
function renderJwtValidation(jwt: JwtValidationModel): elbv2.CfnListenerRule.ActionProperty {
  return {
    type: 'jwt-validation',
    jwtValidationConfig: {
      issuer: jwt.issuer,
      jwksEndpoint: jwt.jwksEndpoint,
      ...(jwt.additionalClaims ? { additionalClaims: jwt.additionalClaims.map((c) => ({ format: c.format, name: c.name, values: c.values })) } : {}),
    },
  };
}

/**
 * A sign-in action. The client secret is a Secrets Manager dynamic reference
 * (`{{resolve:secretsmanager:<id>:SecretString:<field>::}}`), resolved by CloudFormation at deploy
 * time: the secret itself never appears in the template.
 */
function renderAuthenticate(auth: AuthenticateActionModel): elbv2.CfnListenerRule.ActionProperty {
  if (auth.type === 'authenticate-cognito') {
    return { type: 'authenticate-cognito', authenticateCognitoConfig: { ...cognitoUserPoolFields(auth), ...signInSessionFields(auth) } };
  }
  const { secretId, jsonField } = auth.clientSecret;
  const secret = SecretValue.secretsManager(secretId, jsonField !== undefined ? { jsonField } : {});
  return {
    type: 'authenticate-oidc',
    authenticateOidcConfig: {
      ...oidcProviderFields(auth),
      // A dynamic reference, not the secret: CloudFormation resolves it when it creates the rule.
      clientSecret: secret.unsafeUnwrap(),
      ...signInSessionFields(auth),
    },
  };
}

/** Looks up the ARN of a route's target group. */
export type TargetGroupArnOf = (route: string) => string;

/**
 * A listener action in CloudFormation form. A plain forward to one group (weight 1, no
 * stickiness) uses `TargetGroupArn`; anything else uses `ForwardConfig`.
 */
export function renderAction(action: ActionModel, arnOf: TargetGroupArnOf): RenderedAction {
  switch (action.type) {
    case 'forward': {
      if (isPlainForward(action)) return { type: 'forward', targetGroupArn: arnOf(action.targetGroups[0].name) };
      return {
        type: 'forward',
        forwardConfig: {
          targetGroups: action.targetGroups.map((t) => ({ targetGroupArn: arnOf(t.name), weight: t.weight })),
          ...(action.stickinessSeconds !== undefined
            ? { targetGroupStickinessConfig: { enabled: true, durationSeconds: action.stickinessSeconds } }
            : {}),
        },
      };
    }
    case 'redirect':
      return {
        type: 'redirect',
        redirectConfig: {
          statusCode: action.statusCode,
          protocol: action.protocol,
          host: action.host,
          port: action.port,
          path: action.path,
          query: action.query,
        },
      };
    case 'fixed-response':
      return {
        type: 'fixed-response',
        fixedResponseConfig: {
          statusCode: action.statusCode,
          ...(action.contentType !== undefined ? { contentType: action.contentType } : {}),
          ...(action.messageBody !== undefined ? { messageBody: action.messageBody } : {}),
        },
      };
  }
}
