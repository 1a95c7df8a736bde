export * from './access-log-record';
export * from './alb-access-log';
export * from './access-log-writer';
export * from './from-entry';
export * from './connection-log-record';
export * from './alb-connection-log';
export * from './connection-log-writer';
