import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Construct } from 'constructs';
import { MetricReferences } from './metric-references';
import { dashboardName } from './monitoring-names';
import { DashboardModel } from '../../core/model/monitoring-model';
import { renderDashboardBody } from '../../core/plan/dashboard-body';

/**
 * The load balancer's `aws_cloudwatch_dashboard` (`<construct>/Dashboard`), its body written by core's
 * one dashboard translation with Terraform references in it (`${aws_lb.x.arn_suffix}`), so it is the
 * same JSON as the CloudFormation dashboard once deployed. `region` names every widget's region.
 */
export function renderDashboard(scope: Construct, dashboard: DashboardModel, refs: MetricReferences, region: string): CloudwatchDashboard {
  return new CloudwatchDashboard(scope, 'Dashboard', {
    dashboardName: dashboardName(scope.node.path),
    dashboardBody: renderDashboardBody(dashboard, { ...refs, region }),
  });
}
