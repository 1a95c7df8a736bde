// GENERATED from src/cdktf/render/dashboard.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { CloudwatchDashboard } from '@cdktn/provider-aws/lib/cloudwatch-dashboard';
import { Construct } from 'constructs';
import { MetricReferences } from './metric-references';
import { dashboardName } from './monitoring-names';
import { DASHBOARD_TAG } from '../../core/contract';
import { DashboardModel } from '../../core/model/monitoring-model';
import { renderDashboardBody } from '../../core/plan/dashboard-body';

/**
 * The load balancer's `aws_cloudwatch_dashboard` (`<construct>/Dashboard`), its body written by core's
 * one dashboard translation with Terraform references in it (`${aws_lb.x.arn_suffix}`), so it is the
 * same JSON as the CloudFormation dashboard once deployed. `region` names every widget's region.
 * Marked `DASHBOARD_TAG` (the load balancer's name), so the reader tells it from a user's own
 * dashboard of the same metrics.
 */
export function renderDashboard(
  scope: Construct, loadBalancerName: string, dashboard: DashboardModel, refs: MetricReferences, region: string,
): CloudwatchDashboard {
  const resource = new CloudwatchDashboard(scope, 'Dashboard', {
    dashboardName: dashboardName(scope.node.path),
    dashboardBody: renderDashboardBody(dashboard, { ...refs, region }),
  });
  // aws_cloudwatch_dashboard takes no tags: the mark goes in the resource's "//" comment (Terraform
  // ignores it), beside cdktf's own metadata.
  resource.addOverride(`//.${DASHBOARD_TAG}`, loadBalancerName);
  return resource;
}
