// GENERATED from src/cdktf/render/monitoring.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { CloudwatchDashboard } from '@cdktn/provider-aws/lib/cloudwatch-dashboard';
import { CloudwatchMetricAlarm } from '@cdktn/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import { renderDashboard } from './dashboard';
import { MeasuredResources, metricReferences } from './metric-references';
import { renderAlarms } from './monitoring-alarms';
import { MonitoringModel } from '../../core/model/monitoring-model';
import { dashboardRegion } from '../region';
import { TerraformLoadBalancerProps } from '../terraform-load-balancer-props';

/** A load balancer's alarms by id, and its dashboard when it has one. */
export interface RenderedMonitoring {
  readonly alarms: Map<string, CloudwatchMetricAlarm>;
  readonly dashboard?: CloudwatchDashboard;
}

/** The model's alarms and dashboard (both constructs): dimensions point at the resources rendered for the rest of the model. */
export function renderMonitoring(
  scope: Construct, loadBalancerName: string, monitoring: MonitoringModel, measured: MeasuredResources, props: Pick<TerraformLoadBalancerProps, 'region' | 'provider'>,
): RenderedMonitoring {
  const refs = metricReferences(measured);
  const alarms = renderAlarms(scope, monitoring.alarms, refs);
  if (!monitoring.dashboard) return { alarms };
  const region = dashboardRegion(scope, props.region, 'region', props.provider);
  return { alarms, dashboard: renderDashboard(scope, loadBalancerName, monitoring.dashboard, refs, region) };
}
