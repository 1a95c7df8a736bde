import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ActionModel, isPlainForward } from '../core/model/load-balancer-model';

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
