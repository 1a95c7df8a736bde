// The CloudFormation (aws-cdk-lib) engine: constructs that render lbkit's engine-neutral plan.
export * from './web-api-load-balancer';
export * from './web-api-resources';
export * from './web-api-route';
export * from './tcp-service-load-balancer';
export * from './tcp-service-resources';
export * from './tcp-service-listener';
export { QuicServerTarget } from './quic-server-target';
export * from './cdk-load-balancer-props';
export * from './global-failover';
export * from './global-failover-resources';
