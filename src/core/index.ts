// The engine-neutral public surface shared by both engines' constructs.
export * from './options/enums';
export * from './options/health-check-options';
export * from './options/route-action-options';
export * from './options/route-action';
export * from './options/authentication-options';
export * from './options/authentication';
export * from './options/route-conditions';
export * from './options/route-options';
export * from './options/route-rewrite-options';
export * from './options/jwt-validation-options';
export * from './options/response-header-options';
export * from './options/monitoring-options';
export * from './options/web-api-options';
export * from './options/mutual-tls-options';
export * from './options/tcp-service-options';
export * from './options/load-balancer-selection';
export * from './options/global-failover-options';
