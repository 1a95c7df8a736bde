// GENERATED from src/cdktf/global-endpoint.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { TcpServiceLoadBalancer } from './tcp-service-load-balancer';
import { WebApiLoadBalancer } from './web-api-load-balancer';
import { GlobalEndpointBaseOptions } from '../core/options/global-failover-options';

/**
 * One regional endpoint of a Terraform `GlobalFailover`: an lbkit load balancer, any load
 * balancer by DNS name and canonical hosted zone (`dnsName` + `hostedZoneId`), or plain
 * addresses — exactly one of them.
 */
export interface GlobalEndpoint extends GlobalEndpointBaseOptions {
  /**
   * An lbkit load balancer (it may be created with an aliased provider for its region): the
   * alias records point at it, and its health check defaults to its own protocol (HTTPS for a
   * WebApiLoadBalancer, TCP on the first TCP listener for a TcpServiceLoadBalancer).
   * @default - none: give dnsName with hostedZoneId, or addresses
   */
  readonly loadBalancer?: WebApiLoadBalancer | TcpServiceLoadBalancer;
}
