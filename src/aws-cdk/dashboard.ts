import { Aws, Fn } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { MetricReferences } from './monitoring-alarms';
import { DASHBOARD_TAG } from '../core/contract';
import { DashboardModel } from '../core/model/monitoring-model';
import { renderDashboardBody } from '../core/plan/dashboard-body';

/**
 * The load balancer's dashboard (`<construct>/Dashboard`), its body written by core's one
 * translation with CloudFormation references embedded (synthesized as an Fn::Join). The web ACL has
 * no Name attribute and lbkit sets no Name, so its name is the first field of its Ref (`name|id|scope`).
 * Metadata `DASHBOARD_TAG` (the load balancer's name) tells the reader it is lbkit's.
 */
export function renderDashboard(
  scope: Construct, loadBalancerName: string, dashboard: DashboardModel | undefined, refs: MetricReferences & { readonly webAclRef?: string },
): cloudwatch.CfnDashboard | undefined {
  if (!dashboard) return undefined;
  const { webAclRef } = refs;
  const resource = new cloudwatch.CfnDashboard(scope, 'Dashboard', {
    dashboardBody: renderDashboardBody(dashboard, {
      loadBalancer: refs.loadBalancer,
      targetGroup: (name) => refs.targetGroup(name),
      region: Aws.REGION,
      ...(webAclRef !== undefined ? { webAclName: Fn.select(0, Fn.split('|', webAclRef)) } : {}),
    }),
  });
  resource.addMetadata(DASHBOARD_TAG, loadBalancerName);
  return resource;
}

