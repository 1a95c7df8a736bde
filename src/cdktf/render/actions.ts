import { LbListenerRuleAction } from '@cdktf/provider-aws/lib/lb-listener-rule';
import { FIXED_RESPONSE_CONTENT_TYPE } from '../../core/defaults';
import { ActionModel, isPlainForward } from '../../core/model/load-balancer-model';

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
