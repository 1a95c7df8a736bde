// The Terraform (cdktf) renderer's public surface.
export * from './target-options';
export * from './web-api-route';
export * from './web-api-load-balancer';
