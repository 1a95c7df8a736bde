export * from './admin-server';
export * from './prometheus';
export type { AlarmReport } from './alarm-status';
export type { StatusSnapshot } from './status-page/status-snapshot';
export type { ListenerView, RuleView } from './status-page/listener-views';
export type { TrafficPoint, TrafficUnit } from './status-page/traffic-history';
