/**
 * An alarm's state in the local proxy, as `GET /alarms` lists it and the status page shows it:
 * the synthesized alarms evaluated over the proxy's own metrics (periods scaled by --time-scale).
 */
export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface AlarmStatus {
  /** The alarm's id in the model (`unhealthy-hosts:orders`). */
  readonly id: string;
  /** What it watches, for people: `UnHealthyHostCount Maximum > 0 (orders)`. */
  readonly watches: string;
  readonly state: AlarmStateValue;
  /** When the alarm entered this state (ISO 8601). */
  readonly since: string;
  /** The last datapoint evaluated (absent: none yet). */
  readonly value?: number;
  /** Why it is in this state, as CloudWatch words a state reason. */
  readonly reason: string;
}

/** A state change, as printed on stderr and kept for `GET /alarms`. */
export interface AlarmTransition {
  readonly id: string;
  readonly from: AlarmStateValue;
  readonly to: AlarmStateValue;
  readonly at: string;
  readonly value?: number;
  readonly reason: string;
}

/** What a proxy that evaluates its model's alarms reports (`alarmStatus()` of its handle, `GET /alarms`). */
export interface AlarmReport {
  readonly alarms: AlarmStatus[];
  /** The last 100, oldest first. */
  readonly transitions: AlarmTransition[];
}
