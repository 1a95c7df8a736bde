import { LoadBalancerConstruct, TrafficProtocol } from './enums';

/** What a service needs from its load balancer. */
export interface LoadBalancerRequirements {
  /** Protocols clients speak to the service. */
  readonly protocols: TrafficProtocol[];
  /**
   * Route by host, path, header, method or query string.
   * @default false
   */
  readonly routeByContent?: boolean;
  /**
   * Fixed IP addresses per zone (allow-lists, DNS-less clients).
   * @default false
   */
  readonly staticIps?: boolean;
  /**
   * Targets must terminate TLS themselves (end-to-end encryption, mutual TLS).
   * @default false
   */
  readonly tlsPassthrough?: boolean;
  /**
   * A web application firewall in front of the service.
   * @default false
   */
  readonly webApplicationFirewall?: boolean;
  /**
   * Sessions last minutes to hours on one connection (games, MQTT, databases).
   * @default false
   */
  readonly longLivedConnections?: boolean;
}

/** The construct lbkit recommends, with its reasons. */
export interface LoadBalancerChoice {
  readonly construct: LoadBalancerConstruct;
  /** Why this construct fits. */
  readonly reasons: string[];
  /** Requirements this construct cannot meet (split the service, or put one LB behind the other). */
  readonly unmet: string[];
}

const L7 = new Set<TrafficProtocol>([TrafficProtocol.HTTP, TrafficProtocol.HTTPS, TrafficProtocol.GRPC, TrafficProtocol.WEBSOCKET]);

/** The load-balancer decision, encoded once: used by the constructs' errors and by users. */
export class LoadBalancerSelection {
  /** Picks WebApiLoadBalancer (ALB, layer 7) or TcpServiceLoadBalancer (NLB, layer 4) for the requirements. */
  public static choose(requirements: LoadBalancerRequirements): LoadBalancerChoice {
    const l4 = requirements.protocols.filter((p) => !L7.has(p));
    const l7Needs: string[] = [];
    if (requirements.routeByContent) l7Needs.push('routing by host, path, header or query needs a layer-7 load balancer');
    if (requirements.webApplicationFirewall) l7Needs.push('AWS WAF attaches to application load balancers only');
    const l4Needs: string[] = [];
    if (l4.length > 0) l4Needs.push(`${l4.join(', ')} is not HTTP: only a network load balancer forwards it`);
    if (requirements.staticIps) l4Needs.push('static IP addresses per zone are a network load balancer feature');
    if (requirements.tlsPassthrough) l4Needs.push('TLS passthrough to the targets needs a layer-4 load balancer (a TCP listener)');
    if (requirements.longLivedConnections && l4.length > 0) l4Needs.push('long-lived connections suit flow-hash or source-IP affinity at layer 4');

    if (l4Needs.length > 0) {
      return { construct: LoadBalancerConstruct.TCP_SERVICE, reasons: l4Needs, unmet: l7Needs };
    }
    const reasons = l7Needs.length > 0 ? l7Needs : [
      'HTTP traffic: TLS termination with SNI, path and host routing, per-route health checks and algorithms, WAF',
    ];
    return { construct: LoadBalancerConstruct.WEB_API, reasons, unmet: [] };
  }
}
