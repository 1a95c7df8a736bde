/**
 * CloudWatch alarms and the dashboard of one load balancer, engine-neutral: what planning produces,
 * both renderers translate (AWS::CloudWatch::Alarm / aws_cloudwatch_metric_alarm,
 * AWS::CloudWatch::Dashboard / aws_cloudwatch_dashboard), the readers rebuild, and the local proxy
 * evaluates over its own metrics. Dimension values are never written here: a metric names what it
 * measures (the load balancer, one of its target groups, its web ACL) and each engine fills in the
 * reference (`LoadBalancerFullName`, `TargetGroupFullName`, the web ACL's name).
 */

export type ElbNamespace = 'AWS/ApplicationELB' | 'AWS/NetworkELB';
export type MetricNamespace = ElbNamespace | 'AWS/WAFV2';

/** What a metric's dimensions point at. */
export type MetricScopeModel =
  /** `LoadBalancer` only. */
  | { readonly kind: 'load-balancer' }
  /** `LoadBalancer` and `TargetGroup`; `targetGroup` is the group's name in the model (its route or service). */
  | { readonly kind: 'target-group'; readonly targetGroup: string }
  /** `WebACL`, `Region` and `Rule=ALL` of the load balancer's managed web ACL. */
  | { readonly kind: 'web-acl' };

export interface MetricModel {
  readonly namespace: MetricNamespace;
  readonly metricName: string;
  readonly scope: MetricScopeModel;
  /** A CloudWatch statistic (`Sum`, `Average`, `Minimum`, `Maximum`) or a percentile (`p99`). */
  readonly statistic: string;
  readonly periodSeconds: number;
}

export type ComparisonOperatorValue =
  | 'GreaterThanThreshold'
  | 'GreaterThanOrEqualToThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold';

export type TreatMissingDataValue = 'breaching' | 'notBreaching' | 'ignore' | 'missing';

/** What an alarm watches: one metric, or a metric-math expression over named metrics. */
export type AlarmSourceModel =
  | { readonly kind: 'metric'; readonly metric: MetricModel }
  | {
    readonly kind: 'math';
    /** CloudWatch metric math over the ids below, e.g. `100 * errors / requests`. */
    readonly expression: string;
    readonly label: string;
    readonly periodSeconds: number;
    /** Sorted by id. */
    readonly metrics: Array<{ readonly id: string; readonly metric: MetricModel }>;
  };

export interface AlarmModel {
  /**
   * Which alarm, unique within its load balancer: `<kind>` for the load balancer's own alarms,
   * `<kind>:<target group>` for a target group's (e.g. `unhealthy-hosts:orders`). Users look
   * alarms up by it (`resources.alarm(id)`); CloudFormation metadata / the Terraform tag `lbkit:alarm`.
   */
  readonly id: string;
  /** Why the alarm exists and what to look at when it fires (AlarmDescription). */
  readonly description: string;
  readonly source: AlarmSourceModel;
  readonly comparisonOperator: ComparisonOperatorValue;
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly treatMissingData: TreatMissingDataValue;
  /** ARNs notified when the alarm goes to ALARM, in the order given; references read as `<ref>`. */
  readonly alarmActions: string[];
  /** ARNs notified when it returns to OK (lbkit writes `alarmActions` here too, so the page also says it is over). */
  readonly okActions: string[];
}

/** A metric line of a dashboard graph. */
export interface DashboardMetricModel extends MetricModel {
  readonly label: string;
}

/** One time-series graph of the dashboard, at its place on CloudWatch's 24-column grid. */
export interface DashboardWidgetModel {
  readonly title: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** In the order drawn. */
  readonly metrics: DashboardMetricModel[];
}

export interface DashboardModel {
  /** In reading order (by y, then x). */
  readonly widgets: DashboardWidgetModel[];
}

export interface MonitoringModel {
  /** Sorted by id; empty when the user turned alarms off. */
  readonly alarms: AlarmModel[];
  /** Absent when the user turned the dashboard off. */
  readonly dashboard?: DashboardModel;
}
