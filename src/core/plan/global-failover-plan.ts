import * as d from '../defaults';
import { LbkitValidationError } from '../errors';
import * as l from '../limits';
import { actionForHealthPath, healthPathNotServed } from '../matching/health-path-route';
import { DnsHealthCheckModel, DnsRecordModel, DnsRoutingModel, HealthCheckTypeValue } from '../model/dns-routing-model';
import { compareText, isReference, LoadBalancerModel } from '../model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../model/network-load-balancer-model';
import { EndpointHealthProtocol, FailoverRole, RoutingPolicy } from '../options/enums';
import { GlobalEndpointBaseOptions, GlobalFailoverBaseOptions } from '../options/global-failover-options';
import { requireOneOf } from '../validation/choices';
import { requireRange } from '../validation/range';

/** An endpoint as an engine hands it to the planner: options plus, for lbkit's own constructs, the load balancer. */
export interface ResolvedGlobalEndpoint extends GlobalEndpointBaseOptions {
  /** An lbkit WebApiLoadBalancer / TcpServiceLoadBalancer: its plan's model and its DNS attributes. */
  readonly loadBalancer?: {
    readonly model: LoadBalancerModel | NetworkLoadBalancerModel;
    readonly dnsName: string;
    readonly hostedZoneId: string;
  };
}

export interface GlobalFailoverFacts {
  readonly path: string;
  /** The stack's region when the engine knows it (for the alarm-region advice). */
  readonly region?: string;
  /** The hosted zone's name when the engine knows it (CDK with a named zone); recordName must lie in it. */
  readonly hostedZoneName?: string;
}

export interface GlobalFailoverPlan {
  readonly model: DnsRoutingModel;
  readonly advice: { readonly id: string; readonly message: string }[];
}

interface HealthDefaults {
  readonly protocol: EndpointHealthProtocol;
  readonly port?: number;
}

/** What an endpoint's health check probes by default: the load balancer's own protocol and port. */
function healthDefaults(path: string, option: string, endpoint: ResolvedGlobalEndpoint): HealthDefaults {
  const model = endpoint.loadBalancer?.model;
  if (model?.kind === 'network') {
    const tcp = model.listeners.find((x) => x.protocol !== 'UDP');
    if (!tcp && endpoint.healthCheck?.port === undefined) {
      throw new LbkitValidationError(path, `${option}.healthCheck.port`,
        'is required: the load balancer has only UDP listeners and Route 53 checks TCP, HTTP or HTTPS', undefined);
    }
    return { protocol: EndpointHealthProtocol.TCP, port: tcp?.port };
  }
  return { protocol: EndpointHealthProtocol.HTTPS };
}

function planHealthCheck(path: string, option: string, endpoint: ResolvedGlobalEndpoint): DnsHealthCheckModel | undefined {
  const hc = endpoint.healthCheck ?? {};
  if (hc.enabled === false) return undefined;
  if (endpoint.loadBalancer?.model.scheme === 'internal') {
    throw new LbkitValidationError(path, `${option}.healthCheck.enabled`,
      "must be false for an internal load balancer: Route 53's checkers cannot reach it (the alias record still evaluates target health)", true);
  }
  const defaults = healthDefaults(path, option, endpoint);
  const protocol = requireOneOf(path, `${option}.healthCheck.protocol`, hc.protocol ?? defaults.protocol, EndpointHealthProtocol);
  const interval = requireOneOf(path, `${option}.healthCheck.intervalSeconds`, hc.intervalSeconds ?? d.GLOBAL_HEALTH_INTERVAL_SECONDS,
    l.ROUTE53_INTERVALS, `must be ${l.ROUTE53_INTERVALS.join(' or ')} (Route 53's request intervals)`);
  const threshold = hc.failureThreshold ?? d.GLOBAL_FAILURE_THRESHOLD;
  requireRange(path, `${option}.healthCheck.failureThreshold`, threshold, l.ROUTE53_FAILURE_THRESHOLD_MIN, l.ROUTE53_FAILURE_THRESHOLD_MAX);
  const isHttp = protocol !== EndpointHealthProtocol.TCP;
  if (!isHttp && (hc.path !== undefined || hc.searchString !== undefined)) {
    throw new LbkitValidationError(path, `${option}.healthCheck`, 'sets path or searchString on a TCP health check; use HTTP or HTTPS', hc);
  }
  const hcPath = isHttp ? hc.path ?? d.HEALTH_CHECK_PATH : undefined;
  if (hcPath !== undefined && (!hcPath.startsWith('/') || hcPath.length > l.ROUTE53_PATH_MAX_LENGTH)) {
    throw new LbkitValidationError(path, `${option}.healthCheck.path`, `must start with "/" and be at most ${l.ROUTE53_PATH_MAX_LENGTH} characters`, hcPath);
  }
  if (hc.searchString !== undefined && (hc.searchString.length === 0 || hc.searchString.length > l.ROUTE53_SEARCH_STRING_MAX_LENGTH)) {
    throw new LbkitValidationError(path, `${option}.healthCheck.searchString`, `must be 1–${l.ROUTE53_SEARCH_STRING_MAX_LENGTH} characters`, hc.searchString);
  }
  const protocolPort: Record<EndpointHealthProtocol, number | undefined> = {
    [EndpointHealthProtocol.HTTP]: d.HTTP_HEALTH_PORT,
    [EndpointHealthProtocol.HTTPS]: d.HTTPS_HEALTH_PORT,
    [EndpointHealthProtocol.TCP]: undefined,
  };
  const port = hc.port ?? defaults.port ?? protocolPort[protocol];
  if (port === undefined) {
    throw new LbkitValidationError(path, `${option}.healthCheck.port`, 'is required for a TCP health check on a DNS name or addresses', port);
  }
  requireRange(path, `${option}.healthCheck.port`, port, l.PORT_MIN, l.PORT_MAX);
  const regions = [...(hc.regions ?? [])].sort(compareText);
  if (hc.regions !== undefined) {
    const unknown = regions.find((r) => !l.ROUTE53_CHECKER_REGIONS.includes(r));
    if (unknown) throw new LbkitValidationError(path, `${option}.healthCheck.regions`, `must be Route 53 checker regions (${l.ROUTE53_CHECKER_REGIONS.join(', ')})`, unknown);
    if (new Set(regions).size < l.ROUTE53_MIN_CHECKER_REGIONS) {
      throw new LbkitValidationError(path, `${option}.healthCheck.regions`, `must name at least ${l.ROUTE53_MIN_CHECKER_REGIONS} distinct regions`, hc.regions);
    }
  }
  const type = (protocol + (hc.searchString !== undefined ? '_STR_MATCH' : '')) as HealthCheckTypeValue;
  const byName = endpoint.loadBalancer?.dnsName ?? endpoint.dnsName;
  const address = endpoint.ipv4Addresses?.[0] ?? endpoint.ipv6Addresses?.[0];
  return {
    name: endpoint.name,
    type,
    ...(byName !== undefined ? { fqdn: byName } : { ipAddress: address }),
    port,
    ...(hcPath !== undefined ? { path: hcPath } : {}),
    ...(hc.searchString !== undefined ? { searchString: hc.searchString } : {}),
    requestIntervalSeconds: interval,
    failureThreshold: threshold,
    measureLatency: hc.measureLatency ?? false,
    regions,
    alarm: hc.alarm ?? true,
  };
}

function checkPolicy(path: string, policy: RoutingPolicy, endpoints: ResolvedGlobalEndpoint[]): void {
  if (policy === RoutingPolicy.FAILOVER) {
    const roles = endpoints.map((e) => e.role);
    const primaries = roles.filter((r) => r === FailoverRole.PRIMARY).length;
    const secondaries = roles.filter((r) => r === FailoverRole.SECONDARY).length;
    if (primaries !== 1 || secondaries !== 1 || endpoints.length !== 2) {
      throw new LbkitValidationError(path, 'endpoints',
        `must be exactly one PRIMARY and one SECONDARY under failover routing (got ${primaries} primary, ${secondaries} secondary, ${endpoints.length} endpoints)`,
        endpoints.map((e) => `${e.name}:${e.role ?? 'no role'}`));
    }
  }
  if (policy === RoutingPolicy.LATENCY) {
    const seen = new Map<string, string>();
    for (const e of endpoints) {
      if (!e.region) throw new LbkitValidationError(path, `endpoints["${e.name}"].region`, 'is required under latency routing', e.region);
      const other = seen.get(e.region);
      if (other) throw new LbkitValidationError(path, `endpoints["${e.name}"].region`, `duplicates endpoint "${other}": latency routing takes one endpoint per region`, e.region);
      seen.set(e.region, e.name);
    }
  }
  if (policy === RoutingPolicy.WEIGHTED) {
    for (const e of endpoints) {
      if (e.weight === undefined) throw new LbkitValidationError(path, `endpoints["${e.name}"].weight`, `is required under weighted routing (0–${l.ROUTE53_WEIGHT_MAX})`, e.weight);
      requireRange(path, `endpoints["${e.name}"].weight`, e.weight, 0, l.ROUTE53_WEIGHT_MAX);
    }
  }
  for (const e of endpoints) {
    if (policy !== RoutingPolicy.FAILOVER && e.role !== undefined) {
      throw new LbkitValidationError(path, `endpoints["${e.name}"].role`, `only applies to failover routing (routing is ${policy})`, e.role);
    }
    if (policy !== RoutingPolicy.WEIGHTED && e.weight !== undefined) {
      throw new LbkitValidationError(path, `endpoints["${e.name}"].weight`, `only applies to weighted routing (routing is ${policy})`, e.weight);
    }
  }
}

function recordsOf(
  options: GlobalFailoverBaseOptions, policy: RoutingPolicy, e: ResolvedGlobalEndpoint, healthCheck: string | undefined, ttl: number,
): DnsRecordModel[] {
  const routing = {
    ...(policy === RoutingPolicy.FAILOVER ? { failover: e.role as 'PRIMARY' | 'SECONDARY' } : {}),
    ...(policy === RoutingPolicy.LATENCY ? { region: e.region } : {}),
    ...(policy === RoutingPolicy.WEIGHTED ? { weight: e.weight } : {}),
    ...(healthCheck !== undefined ? { healthCheck } : {}),
  };
  const dnsName = e.loadBalancer?.dnsName ?? e.dnsName;
  const zone = e.loadBalancer?.hostedZoneId ?? e.hostedZoneId;
  if (dnsName !== undefined && zone !== undefined) {
    const alias = { dnsName, hostedZoneId: zone, evaluateTargetHealth: true };
    return [
      { setIdentifier: e.name, type: 'A', alias, ...routing },
      ...(options.ipv6 ? [{ setIdentifier: e.name, type: 'AAAA' as const, alias, ...routing }] : []),
    ];
  }
  return [
    ...(e.ipv4Addresses?.length ? [{ setIdentifier: e.name, type: 'A' as const, values: [...e.ipv4Addresses], ttlSeconds: ttl, ...routing }] : []),
    ...(e.ipv6Addresses?.length ? [{ setIdentifier: e.name, type: 'AAAA' as const, values: [...e.ipv6Addresses], ttlSeconds: ttl, ...routing }] : []),
  ];
}

/**
 * Plans GlobalFailover: one name over several regional endpoints with Route 53 health checks and
 * failover, latency or weighted records. Both renderers translate its model.
 */
export function planGlobalFailover(
  options: GlobalFailoverBaseOptions, endpoints: ResolvedGlobalEndpoint[], facts: GlobalFailoverFacts,
): GlobalFailoverPlan {
  const path = facts.path;
  const policy = requireOneOf(path, 'routingPolicy', options.routingPolicy, RoutingPolicy);
  if (!options.recordName || !/^(\*\.)?[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$/.test(options.recordName)) {
    throw new LbkitValidationError(path, 'recordName', 'must be a DNS name such as api.example.com', options.recordName);
  }
  if (facts.hostedZoneName !== undefined && !isReference(facts.hostedZoneName) && !isReference(options.recordName)) {
    // Route 53 refuses a record outside its zone at deploy time; say so at synth.
    const zone = facts.hostedZoneName.replace(/\.$/, '').toLowerCase();
    const record = options.recordName.replace(/\.$/, '').toLowerCase();
    if (record !== zone && !record.endsWith(`.${zone}`)) {
      throw new LbkitValidationError(path, 'recordName', `must be in the hosted zone ${zone} (hostedZone)`, options.recordName);
    }
  }
  if (endpoints.length === 0) throw new LbkitValidationError(path, 'endpoints', 'must contain at least one endpoint', []);
  const names = new Set<string>();
  for (const [i, e] of endpoints.entries()) {
    if (!e.name || e.name.length > l.ROUTE53_SET_IDENTIFIER_MAX_LENGTH) {
      throw new LbkitValidationError(path, `endpoints[${i}].name`, `must be 1–${l.ROUTE53_SET_IDENTIFIER_MAX_LENGTH} characters`, e.name);
    }
    if (names.has(e.name)) throw new LbkitValidationError(path, `endpoints[${i}].name`, 'must be unique among endpoints', e.name);
    names.add(e.name);
    const kinds = [e.loadBalancer !== undefined, e.dnsName !== undefined || e.hostedZoneId !== undefined,
      (e.ipv4Addresses?.length ?? 0) + (e.ipv6Addresses?.length ?? 0) > 0].filter(Boolean).length;
    if (kinds !== 1) {
      throw new LbkitValidationError(path, `endpoints["${e.name}"]`, 'must name exactly one target: loadBalancer, dnsName with hostedZoneId, or addresses', kinds);
    }
    if ((e.dnsName === undefined) !== (e.hostedZoneId === undefined)) {
      throw new LbkitValidationError(path, `endpoints["${e.name}"]`, 'needs dnsName and hostedZoneId together (the load balancer\'s canonical hosted zone)', e.dnsName ?? e.hostedZoneId);
    }
  }
  checkPolicy(path, policy, endpoints);
  const ttl = options.ttlSeconds ?? d.GLOBAL_RECORD_TTL_SECONDS;
  requireRange(path, 'ttlSeconds', ttl, 0, l.ROUTE53_TTL_MAX);

  const healthChecks: DnsHealthCheckModel[] = [];
  const records: DnsRecordModel[] = [];
  for (const e of endpoints) {
    const hc = planHealthCheck(path, `endpoints["${e.name}"]`, e);
    if (hc) healthChecks.push(hc);
    records.push(...recordsOf(options, policy, e, hc?.name, ttl));
  }
  records.sort((a, b) => compareText(a.setIdentifier, b.setIdentifier) || compareText(a.type, b.type));
  healthChecks.sort((a, b) => compareText(a.name, b.name));

  const advice: { id: string; message: string }[] = [];
  if (facts.region !== undefined && facts.region !== l.ROUTE53_METRICS_REGION && healthChecks.some((h) => h.alarm)) {
    advice.push({
      id: 'lbkit:healthCheckAlarmRegion',
      message: `Route 53 publishes health-check metrics only in ${l.ROUTE53_METRICS_REGION}; alarms created in ${facts.region} never leave INSUFFICIENT_DATA. Deploy GlobalFailover in ${l.ROUTE53_METRICS_REGION} or set healthCheck.alarm to false.`,
    });
  }
  for (const hc of healthChecks) {
    const model = endpoints.find((e) => e.name === hc.name)?.loadBalancer?.model;
    if (model?.kind !== 'application' || hc.path === undefined) continue;
    const action = actionForHealthPath(model, hc.path);
    if (healthPathNotServed(action)) {
      advice.push({
        id: 'lbkit:healthCheckPathNotServed',
        message: `endpoint "${hc.name}": Route 53 checks ${hc.path} with the load balancer's own name as Host, and the load balancer answers that with a fixed ${action?.type === 'fixed-response' ? action.statusCode : ''} response, so the endpoint always reads unhealthy. Route ${hc.path} to a target group (a deep check through the targets), set loadBalancerHealthResponse, or set healthCheck.path.`,
      });
    }
  }
  if (policy === RoutingPolicy.WEIGHTED && endpoints.every((e) => e.weight === 0)) {
    advice.push({ id: 'lbkit:allWeightsZero', message: 'every endpoint has weight 0: Route 53 then answers with all of them equally.' });
  }
  return { model: { kind: 'dns', recordName: options.recordName.replace(/\.$/, ''), routingPolicy: policy, records, healthChecks }, advice };
}
