import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { TransformModel } from '../core/model/load-balancer-model';

/** A rule's transforms as `AWS::ElasticLoadBalancingV2::ListenerRule` `Transforms` (each with its one rewrite). */
export function renderTransforms(transforms: TransformModel[] | undefined): elbv2.CfnListenerRule.TransformProperty[] | undefined {
  if (!transforms) return undefined;
  return transforms.map((t) => {
    const config = { rewrites: [{ regex: t.regex, replace: t.replace }] };
    return t.type === 'host-header-rewrite'
      ? { type: t.type, hostHeaderRewriteConfig: config }
      : { type: t.type, urlRewriteConfig: config };
  });
}
