// The CloudFormation (aws-cdk-lib) engine: constructs that render lbkit's engine-neutral plan.
export * from './web-api-load-balancer';
export { WebApiResources } from './web-api-resources';
export * from './web-api-route';
export * from './tcp-service-load-balancer';
export { TcpServiceResources } from './tcp-service-resources';
export * from './tcp-service-listener';
export * from './cdk-load-balancer-props';
export * from './global-failover';
export { GlobalFailoverResources } from './global-failover-resources';
