import { DashboardMetricModel, DashboardModel, MetricScopeModel } from '../model/monitoring-model';

/**
 * The one translation between a {@link DashboardModel} and CloudWatch's dashboard body JSON
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html):
 * both renderers write it, both readers parse it back, so CloudFormation and Terraform dashboards are
 * the same JSON.
 */

/** Dimension values as each engine writes them (references, e.g. `LoadBalancerFullName` / `arn_suffix`). */
export interface DashboardReferences {
  /** The load balancer's full name (`app/name/id`, `net/name/id`). */
  readonly loadBalancer: string;
  /** The managed web ACL's name, when the model has one. */
  readonly webAclName?: string;
  /** The stack's region (every metric widget names one). */
  readonly region: string;
  /** A target group's full name (`targetgroup/name/id`), by its name in the model. */
  targetGroup(name: string): string;
}

export const DIMENSION = {
  loadBalancer: 'LoadBalancer',
  targetGroup: 'TargetGroup',
  webAcl: 'WebACL',
  region: 'Region',
  rule: 'Rule',
} as const;

/** The CloudWatch dimensions of a metric's scope, in the order CloudWatch lists them. */
export function dimensionsOf(scope: MetricScopeModel, refs: Omit<DashboardReferences, 'region'> & { region?: string }): Array<[string, string]> {
  switch (scope.kind) {
    case 'load-balancer': return [[DIMENSION.loadBalancer, refs.loadBalancer]];
    case 'target-group': return [[DIMENSION.targetGroup, refs.targetGroup(scope.targetGroup)], [DIMENSION.loadBalancer, refs.loadBalancer]];
    case 'web-acl': {
      if (refs.webAclName === undefined || refs.region === undefined) throw new Error('a web ACL metric needs the web ACL name and the region');
      return [[DIMENSION.webAcl, refs.webAclName], [DIMENSION.region, refs.region], [DIMENSION.rule, 'ALL']];
    }
  }
}

/** The dashboard body: compact JSON, keys in a fixed order, so synthesized output is deterministic. */
export function renderDashboardBody(dashboard: DashboardModel, refs: DashboardReferences): string {
  return JSON.stringify({
    widgets: dashboard.widgets.map((w) => ({
      type: 'metric',
      x: w.x,
      y: w.y,
      width: w.width,
      height: w.height,
      properties: {
        title: w.title,
        view: 'timeSeries',
        stacked: false,
        region: refs.region,
        metrics: w.metrics.map((m) => [
          m.namespace, m.metricName, ...dimensionsOf(m.scope, refs).flat(),
          { stat: m.statistic, period: m.periodSeconds, label: m.label },
        ]),
      },
    })),
  });
}

/** A dashboard metric as parsed: dimension values exactly as found in the body (the reader resolves them). */
export interface ParsedDashboardMetric extends Omit<DashboardMetricModel, 'scope'> {
  readonly dimensions: ReadonlyArray<readonly [string, string]>;
}

export interface ParsedDashboardWidget {
  readonly title: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly metrics: ParsedDashboardMetric[];
}

/**
 * Parses a dashboard body written by {@link renderDashboardBody} (or by hand in the same shape).
 * Throws an Error naming what is wrong; readers wrap it with where they found the body.
 */
export function parseDashboardBody(text: string): ParsedDashboardWidget[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new Error(`is not JSON (${(e as Error).message})`);
  }
  const widgets = (body as { widgets?: unknown })?.widgets;
  if (!Array.isArray(widgets)) throw new Error('has no "widgets" list');
  return widgets.map((raw, i) => {
    const w = raw as Record<string, unknown>;
    const p = (w?.properties ?? {}) as Record<string, unknown>;
    if (w?.type !== 'metric') throw new Error(`widget ${i} is of type ${JSON.stringify(w?.type)}; lbkit reads metric widgets only`);
    const num = (name: string, v: unknown) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`widget ${i} has ${name} ${JSON.stringify(v)}, not a number`);
      return v;
    };
    if (!Array.isArray(p.metrics)) throw new Error(`widget ${i} has no metrics list`);
    const metrics = p.metrics.map((entry: unknown, j: number) => {
      if (!Array.isArray(entry) || entry.length < 3) throw new Error(`widget ${i} metric ${j} is not [namespace, name, ..., options]`);
      const options = entry[entry.length - 1] as Record<string, unknown>;
      if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new Error(`widget ${i} metric ${j} does not end with an options object`);
      const names = entry.slice(0, -1);
      if (!names.every((s) => typeof s === 'string') || names.length % 2 !== 0) {
        throw new Error(`widget ${i} metric ${j} is not namespace, name and dimension name/value pairs`);
      }
      const dimensions: Array<[string, string]> = [];
      for (let k = 2; k < names.length; k += 2) dimensions.push([names[k], names[k + 1]]);
      return {
        namespace: names[0],
        metricName: names[1],
        dimensions,
        statistic: String(options.stat ?? 'Average'),
        periodSeconds: num('period', options.period ?? 300),
        label: String(options.label ?? names[1]),
      } as ParsedDashboardMetric;
    });
    return { title: String(p.title ?? ''), x: num('x', w.x), y: num('y', w.y), width: num('width', w.width), height: num('height', w.height), metrics };
  });
}
