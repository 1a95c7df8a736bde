export * from './health-handler';
export * from './demo-backend-base';
export * from './demo-backend';
export * from './tcp-demo-backend';
export * from './udp-demo-backend';
