// GENERATED from src/cdktf/index.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
// The Terraform (cdktf) renderer's public surface.
export * from './target-options';
export * from './lambda-function-reference';
export * from './web-api-route';
export * from './web-api-load-balancer';
export * from './web-api-resources';
export * from './terraform-load-balancer-props';
export * from './tcp-service-listener';
export * from './tcp-service-load-balancer';
export * from './tcp-service-resources';
export * from './global-endpoint';
export * from './global-failover';
export * from './global-failover-resources';
