import { listenerViews, ListenerView } from './listener-views';
import { RecentAccessLog } from './recent-access-log';
import { TrafficHistory, TrafficPoint, TrafficUnit } from './traffic-history';
import { AnyLoadBalancerModel } from '../../../core/model/any-load-balancer-model';
import { TargetGroupHealth } from '../../local-load-balancer';
import { AlarmReport } from '../alarm-status';


/** What the status page reads of a running proxy. */
export interface StatusSources {
  readonly handle: {
    readonly listeners?: ReadonlyArray<{ readonly port: number; readonly localPort: number; readonly protocol: string }>;
    targetHealth(): TargetGroupHealth[];
    /** Absent on a proxy that evaluates no alarms: the page says so. */
    alarmStatus?(): AlarmReport;
  };
  /** The model served now (it changes on a reload); without it the page lists the served listeners without rules. */
  readonly model?: () => AnyLoadBalancerModel;
  /** Recent access-log lines (application load balancers). */
  readonly accessLog?: RecentAccessLog;
}

/** One state of the page: what `GET /status` answers and `GET /events` sends every second. */
export interface StatusSnapshot {
  /** ISO 8601. */
  readonly time: string;
  readonly loadBalancer?: { readonly name: string; readonly kind: AnyLoadBalancerModel['kind'] };
  readonly listeners: ListenerView[];
  readonly targetGroups: TargetGroupHealth[];
  /** Absent: the proxy evaluates no alarms. */
  readonly alarms?: AlarmReport;
  readonly traffic: { readonly unit: TrafficUnit; readonly intervalSeconds: number; readonly points: TrafficPoint[] };
  /** Absent: this proxy writes no access log (network load balancers). */
  readonly accessLog?: string[];
}

export function statusSnapshot(sources: StatusSources, traffic: TrafficHistory, intervalSeconds: number, now: Date = new Date()): StatusSnapshot {
  const model = sources.model?.();
  const served = sources.handle.listeners ?? [];
  const alarms = sources.handle.alarmStatus?.();
  return {
    time: now.toISOString(),
    ...(model ? { loadBalancer: { name: model.name, kind: model.kind } } : {}),
    listeners: model
      ? listenerViews(model, served)
      : served.map((l) => ({ port: l.port, protocol: l.protocol, localPort: l.localPort, rules: [] })),
    targetGroups: sources.handle.targetHealth(),
    ...(alarms ? { alarms } : {}),
    traffic: { unit: model ? (model.kind === 'network' ? 'flows' : 'requests') : traffic.unit, intervalSeconds, points: traffic.history() },
    ...(sources.accessLog ? { accessLog: sources.accessLog.lines() } : {}),
  };
}
