import { DataAwsSecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version';
import { LbListenerRuleAction } from '@cdktf/provider-aws/lib/lb-listener-rule';
import { Fn, ITerraformDependable, propertyAccess } from 'cdktf';
import { Construct } from 'constructs';
import { FIXED_RESPONSE_CONTENT_TYPE } from '../../core/defaults';
import { ActionModel, AuthenticateActionModel, ClientSecretModel, isPlainForward, RuleModel } from '../../core/model/load-balancer-model';
import { cognitoUserPoolFields, oidcProviderFields, signInSessionFields } from '../../core/plan/authenticate';
import { providerOnlyPreRoutingAction } from '../provider-support';

/** Looks up the ARN of a target group by its route name. */
export type TargetGroupArnOf = (routeName: string) => string;

/**
 * A model action as a Terraform `action` / `default_action` block (the two blocks share
 * one shape). A forward to one group of weight 1 without stickiness is the short form
 * `{type, target_group_arn}`; anything else uses the `forward` block.
 */
export function renderAction(action: ActionModel, arnOf: TargetGroupArnOf): LbListenerRuleAction {
  switch (action.type) {
    case 'forward': {
      if (isPlainForward(action)) return { type: 'forward', targetGroupArn: arnOf(action.targetGroups[0].name) };
      return {
        type: 'forward',
        forward: {
          targetGroup: action.targetGroups.map((tg) => ({ arn: arnOf(tg.name), weight: tg.weight })),
          ...(action.stickinessSeconds !== undefined
            ? { stickiness: { enabled: true, duration: action.stickinessSeconds } }
            : {}),
        },
      };
    }
    case 'redirect':
      return {
        type: 'redirect',
        redirect: {
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
        fixedResponse: {
          statusCode: action.statusCode,
          // Terraform requires content_type; the planner always fills it.
          contentType: action.contentType ?? FIXED_RESPONSE_CONTENT_TYPE,
          ...(action.messageBody !== undefined ? { messageBody: action.messageBody } : {}),
        },
      };
  }
}

/** What a rule's sign-in needs from the stack: a scope for its data source, its id, and the listener it waits for. */
export interface RuleActionContext {
  readonly scope: Construct;
  /** Construct id prefix of the rule (`Listener443Rule-app`). */
  readonly id: string;
  /** The rule's listener: the client secret is read once it exists (see clientSecretOf). */
  readonly listener: ITerraformDependable;
}

/**
 * A listener rule's action blocks: the sign-in or token check first (order 1) when there is one, then the
 * action (order 2). The token check (`jwt_validation`) exists in hashicorp/aws 6.x only: the engine's
 * provider seam writes it (or refused it before rendering).
 */
export function renderRuleActions(rule: RuleModel, arnOf: TargetGroupArnOf, context: RuleActionContext): LbListenerRuleAction[] {
  const first = rule.authenticate ? renderAuthenticate(rule.authenticate, context) : providerOnlyPreRoutingAction(rule);
  if (!first) return [renderAction(rule.action, arnOf)];
  return [{ ...first, order: 1 }, { ...renderAction(rule.action, arnOf), order: 2 }];
}

function renderAuthenticate(auth: AuthenticateActionModel, context: RuleActionContext): LbListenerRuleAction {
  if (auth.type === 'authenticate-cognito') {
    return { type: 'authenticate-cognito', authenticateCognito: { ...cognitoUserPoolFields(auth), ...signInSessionFields(auth) } };
  }
  return {
    type: 'authenticate-oidc',
    authenticateOidc: { ...oidcProviderFields(auth), clientSecret: clientSecretOf(auth.clientSecret, context), ...signInSessionFields(auth) },
  };
}

/**
 * The client secret as an expression on a `data "aws_secretsmanager_secret_version"` (one per rule),
 * `jsondecode`d and looked up when it is a field of the secret's JSON. The secret's value lands in
 * the state (sensitive), never in the configuration.
 *
 * The data source `depends_on` the rule's listener. Terraform reads a data source during plan, which
 * needs AWS; one that depends on a resource with planned changes is read during apply instead. So a
 * first plan (the listener is still to be created) works offline and before credentials can read the
 * secret, and later plans read it as usual. Cost: a plan that changes the listener shows the rule's
 * client_secret as known after apply (same value, an in-place update of the rule).
 */
function clientSecretOf(secret: ClientSecretModel, context: RuleActionContext): string {
  const version = new DataAwsSecretsmanagerSecretVersion(context.scope, `${context.id}-ClientSecret`, {
    secretId: secret.secretId,
    dependsOn: [context.listener],
  });
  return secret.jsonField === undefined ? version.secretString : propertyAccess(Fn.jsondecode(version.secretString), [secret.jsonField]).toString();
}
