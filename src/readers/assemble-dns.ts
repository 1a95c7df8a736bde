import { LbkitConfigError } from './errors';
import { PartGraph } from './part-graph';
import { HealthCheckPart, Part, RoutingRecordPart } from './parts';
import {
  DnsHealthCheckModel, DnsRecordModel, DnsRoutingModel, HealthCheckTypeValue, RoutingPolicyValue,
} from '../core/model/dns-routing-model';
import { compareText, REFERENCE } from '../core/model/load-balancer-model';

/** Health-check types the model holds (not CALCULATED, CLOUDWATCH_METRIC, RECOVERY_CONTROL). */
const HEALTH_CHECK_TYPES: HealthCheckTypeValue[] = ['HTTPS', 'HTTP', 'HTTPS_STR_MATCH', 'HTTP_STR_MATCH', 'TCP'];
/** Route 53's port when a check names none. */
const DEFAULT_PORTS: Record<string, number> = { HTTP: 80, HTTP_STR_MATCH: 80, HTTPS: 443, HTTPS_STR_MATCH: 443 };
/** Route 53's path when an HTTP(S) check names none. */
const DEFAULT_PATH = '/';

const stripDot = (name: string) => (name.endsWith('.') ? name.slice(0, -1) : name);

function policyOf(r: RoutingRecordPart, where: string): RoutingPolicyValue {
  if (r.unsupportedRouting !== undefined) {
    throw new LbkitConfigError(`${where} uses ${r.unsupportedRouting} routing; lbkit reads failover, latency and weighted records`);
  }
  const policies: RoutingPolicyValue[] = [];
  if (r.failover !== undefined) policies.push('failover');
  if (r.region !== undefined) policies.push('latency');
  if (r.weight !== undefined) policies.push('weighted');
  if (policies.length === 0) {
    throw new LbkitConfigError(`${where} has a set identifier but no routing policy; lbkit reads failover, latency and weighted records`);
  }
  if (policies.length > 1) throw new LbkitConfigError(`${where} combines ${policies.join(' and ')} routing; Route 53 takes one policy per record`);
  return policies[0];
}

/** The name a health check reads as: tag `lbkit:endpoint`, else the one set identifier of its records, else its key. */
function healthCheckName(hc: HealthCheckPart, referrers: RoutingRecordPart[]): string {
  if (hc.endpoint !== undefined) return hc.endpoint;
  const ids = [...new Set(referrers.map((r) => r.setIdentifier).filter((x): x is string => x !== undefined))];
  return ids.length === 1 ? ids[0] : hc.key;
}

function healthCheckModel(hc: HealthCheckPart, name: string, alarm: boolean, source: string): DnsHealthCheckModel {
  const where = `${source}: health check ${hc.key}`;
  const type = hc.type as HealthCheckTypeValue;
  if (!HEALTH_CHECK_TYPES.includes(type)) {
    throw new LbkitConfigError(`${where} has type ${JSON.stringify(hc.type)}; lbkit reads ${HEALTH_CHECK_TYPES.join(', ')} health checks`);
  }
  if (hc.inverted) throw new LbkitConfigError(`${where} is inverted; lbkit reads health checks that report the endpoint's own state`);
  if (hc.disabled) throw new LbkitConfigError(`${where} is disabled (Route 53 then reports it healthy); lbkit reads enabled health checks`);
  if (hc.fqdn === undefined && hc.ipAddress === undefined) {
    throw new LbkitConfigError(`${where} names neither a domain name nor an IP address to probe`);
  }
  const http = type !== 'TCP';
  const strMatch = type.endsWith('_STR_MATCH');
  if (!http && hc.path !== undefined) throw new LbkitConfigError(`${where} is a TCP health check with a resource path ${JSON.stringify(hc.path)} (AWS refuses it)`);
  if (!strMatch && hc.searchString !== undefined) {
    throw new LbkitConfigError(`${where} has a search string but type ${type}; a search string needs HTTP_STR_MATCH or HTTPS_STR_MATCH`);
  }
  if (strMatch && hc.searchString === undefined) throw new LbkitConfigError(`${where} has type ${type} but no search string`);
  const port = hc.port ?? DEFAULT_PORTS[type];
  if (port === undefined) throw new LbkitConfigError(`${where} is a TCP health check without a port`);
  return {
    name,
    type,
    ...(hc.fqdn !== undefined ? { fqdn: hc.fqdn } : {}),
    ...(hc.ipAddress !== undefined ? { ipAddress: hc.ipAddress } : {}),
    port,
    ...(http ? { path: hc.path ?? DEFAULT_PATH } : {}),
    ...(strMatch ? { searchString: hc.searchString } : {}),
    requestIntervalSeconds: hc.requestIntervalSeconds,
    failureThreshold: hc.failureThreshold,
    measureLatency: hc.measureLatency,
    regions: [...hc.regions].sort(compareText),
    alarm,
  };
}

function recordModel(
  r: RoutingRecordPart, policy: RoutingPolicyValue, healthCheck: string | undefined, where: string,
): DnsRecordModel {
  if (r.type !== 'A' && r.type !== 'AAAA') {
    throw new LbkitConfigError(`${where} is a routed ${r.type} record; lbkit reads A and AAAA records under failover, latency or weighted routing`);
  }
  if (r.setIdentifier === undefined) throw new LbkitConfigError(`${where} has ${policy} routing but no set identifier (Route 53 requires one)`);
  if (policy === 'failover' && r.failover !== 'PRIMARY' && r.failover !== 'SECONDARY' && r.failover !== REFERENCE) {
    throw new LbkitConfigError(`${where} has failover ${JSON.stringify(r.failover)}; expected PRIMARY or SECONDARY`);
  }
  if (r.alias !== undefined && (r.values !== undefined || r.ttlSeconds !== undefined)) {
    throw new LbkitConfigError(`${where} has both an alias target and values or a TTL; Route 53 takes one or the other`);
  }
  if (r.alias === undefined && (r.values === undefined || r.values.length === 0)) {
    throw new LbkitConfigError(`${where} has neither an alias target nor values`);
  }
  if (r.alias === undefined && r.ttlSeconds === undefined) throw new LbkitConfigError(`${where} has values but no TTL (Route 53 requires one)`);
  return {
    setIdentifier: r.setIdentifier,
    type: r.type,
    ...(r.alias !== undefined ? { alias: { ...r.alias } } : { values: [...r.values!], ttlSeconds: r.ttlSeconds }),
    ...(policy === 'failover' ? { failover: r.failover as 'PRIMARY' | 'SECONDARY' } : {}),
    ...(policy === 'latency' ? { region: r.region } : {}),
    ...(policy === 'weighted' ? { weight: r.weight } : {}),
    ...(healthCheck !== undefined ? { healthCheck } : {}),
  };
}

/**
 * Links the Route 53 parts read from one synthesized output into one DNS routing model per
 * record name (sorted by name): its failover, latency or weighted records (by set identifier,
 * then type), the health checks those records reference (by name; tag `lbkit:endpoint`), each
 * with `alarm` when a CloudWatch alarm's HealthCheckId dimension references it. Simple records
 * (no set identifier, no routing policy) belong to their load balancer, not here.
 *
 * @param container what the source is ("template", "configuration"), for messages
 */
export function assembleDns(parts: Part[], source: string, container: string): DnsRoutingModel[] {
  const graph = new PartGraph(parts);
  const alarmed = new Set<string>();
  for (const a of graph.all('health-check-alarm')) {
    const hc = graph.followAs(a.healthCheck, 'health-check');
    if (hc) alarmed.add(hc.key);
  }
  const routed = graph.all('routing-record');
  const referrers = new Map<string, RoutingRecordPart[]>();
  for (const r of routed) {
    const hc = graph.followAs(r.healthCheck, 'health-check');
    if (hc) referrers.set(hc.key, [...(referrers.get(hc.key) ?? []), r]);
  }
  const byName = new Map<string, RoutingRecordPart[]>();
  for (const r of routed) {
    const name = stripDot(r.name);
    byName.set(name, [...(byName.get(name) ?? []), r]);
  }

  const models = [...byName.entries()].map(([recordName, parts_]): DnsRoutingModel => {
    const policies = new Map<RoutingPolicyValue, string>();
    const healthChecks = new Map<string, DnsHealthCheckModel>();
    const seen = new Map<string, string>();
    const records = parts_.map((r) => {
      const where = `${source}: record ${r.key} (${recordName} ${r.type})`;
      const policy = policyOf(r, where);
      if (!policies.has(policy)) policies.set(policy, r.key);
      let healthCheck: string | undefined;
      if (r.healthCheck !== undefined) {
        const hc = graph.followAs(r.healthCheck, 'health-check');
        if (!hc) {
          throw new LbkitConfigError(`${where} references health check ${r.healthCheckWritten ?? r.healthCheck.value}, which is not a Route 53 health check of this ${container}`);
        }
        healthCheck = healthCheckName(hc, referrers.get(hc.key) ?? []);
        if (!healthChecks.has(hc.key)) healthChecks.set(hc.key, healthCheckModel(hc, healthCheck, alarmed.has(hc.key), source));
      }
      const record = recordModel(r, policy, healthCheck, where);
      const identity = `${record.setIdentifier} ${record.type}`;
      const other = seen.get(identity);
      if (other !== undefined) {
        throw new LbkitConfigError(`${where} repeats set identifier ${JSON.stringify(record.setIdentifier)} of record ${other} (Route 53 takes one ${record.type} record per set identifier and name)`);
      }
      seen.set(identity, r.key);
      return record;
    });
    if (policies.size > 1) {
      const mixed = [...policies.entries()].map(([p, key]) => `${p} (${key})`).join(' and ');
      throw new LbkitConfigError(`${source}: record name ${recordName} mixes ${mixed} routing; Route 53 takes one routing policy per name`);
    }
    records.sort((a, b) => compareText(a.setIdentifier, b.setIdentifier) || compareText(a.type, b.type));
    return {
      kind: 'dns',
      recordName,
      routingPolicy: [...policies.keys()][0],
      records,
      healthChecks: [...healthChecks.values()].sort((a, b) => compareText(a.name, b.name)),
    };
  });
  return models.sort((a, b) => compareText(a.recordName, b.recordName));
}
