export * from './health-handler';
export * from './demo-backend';
