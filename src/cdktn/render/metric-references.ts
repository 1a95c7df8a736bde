// GENERATED from src/cdktf/render/metric-references.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { Lb } from '@cdktn/provider-aws/lib/lb';
import { LbTargetGroup } from '@cdktn/provider-aws/lib/lb-target-group';
import { Wafv2WebAcl } from '@cdktn/provider-aws/lib/wafv2-web-acl';
import { DashboardReferences } from '../../core/plan/dashboard-body';

/** What a load balancer's metrics are dimensioned by: its references, without the region (alarms need none). */
export type MetricReferences = Omit<DashboardReferences, 'region'>;

/** The resources a load balancer's metrics measure. */
export interface MeasuredResources {
  readonly loadBalancer: Lb;
  /** Every target group (Lambda ones included) by its name in the model. */
  readonly targetGroups: ReadonlyMap<string, LbTargetGroup>;
  /** The web ACL lbkit created, when the model has a managed one. */
  readonly webAcl?: Wafv2WebAcl;
}

/**
 * CloudWatch dimension values as Terraform references: `aws_lb.x.arn_suffix` (the load balancer's full
 * name, `app/name/id`), `aws_lb_target_group.y.arn_suffix` (`targetgroup/name/id`) and
 * `aws_wafv2_web_acl.z.name`. Each attribute is read once: every read makes a new cdktf token, and
 * cdktf captures a stack trace per token.
 */
export function metricReferences(measured: MeasuredResources): MetricReferences {
  const loadBalancer = measured.loadBalancer.arnSuffix;
  const webAclName = measured.webAcl?.name;
  const groups = new Map<string, string>();
  return {
    loadBalancer,
    ...(webAclName !== undefined ? { webAclName } : {}),
    targetGroup(name: string): string {
      let suffix = groups.get(name);
      if (suffix === undefined) {
        const group = measured.targetGroups.get(name);
        if (!group) throw new Error(`unreachable: the model measures target group ${name}, which was not rendered`);
        suffix = group.arnSuffix;
        groups.set(name, suffix);
      }
      return suffix;
    },
  };
}
