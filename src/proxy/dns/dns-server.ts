import { isIP } from 'net';
import type { Logger } from 'pino';
import { respond } from './dns-responder';
import { startDnsTransports } from './dns-transports';
import { DnsZones } from './dns-zones';
import { EndpointHealthEntry, EndpointHealthTable } from './endpoint-health-table';
import { nameServerAddress } from './name-server-address';
import { recordAddresses } from './record-addresses';
import { DnsRoutingModel } from '../../core/model/dns-routing-model';
import { Endpoint, endpointId } from '../targets/endpoint';

export interface DnsServerOptions {
  /** The GlobalFailover routing read from synthesized output (`readSynthesizedFile(file).dns`). */
  readonly models: readonly DnsRoutingModel[];
  /**
   * Set identifier (endpoint name, e.g. `eu-west-1`) → local endpoint: the address answered for
   * that endpoint's records (when an IP literal of the query's family) and where its health check probes.
   */
  readonly endpoints: Readonly<Record<string, Endpoint>>;
  /** An IP literal; default 127.0.0.1. */
  readonly host?: string;
  /** UDP and TCP port; default 0 (ephemeral). */
  readonly port?: number;
  /** Health-check intervals and timeouts are divided by it (10 = ten times faster); default 1. */
  readonly timeScale?: number;
  /** The AWS region the client is in, for latency records; default the first record's region (logged). */
  readonly clientRegion?: string;
  /** Uniform in [0, 1) for weighted draws; default Math.random (seed it in tests). */
  readonly random?: () => number;
  readonly logger?: Logger;
}

export interface DnsServerHandle {
  readonly host: string;
  readonly port: number;
  /** Every endpoint of every record name: its health now, the latest failure's reason, and the checks run. */
  endpointHealth(): EndpointHealthEntry[];
  /** The addresses a query would get now (a fresh draw for weighted records). */
  answer(name: string, type: 'A' | 'AAAA'): string[];
  close(): Promise<void>;
}

/** Warnings for what cannot behave as on AWS: latency without a client region, records that can never answer an address. */
function warnAboutModels(models: readonly DnsRoutingModel[], endpoints: Readonly<Record<string, Endpoint>>, clientRegion: string | undefined,
  logger: Logger | undefined): void {
  for (const model of models) {
    if (model.routingPolicy === 'latency' && clientRegion === undefined) {
      logger?.warn({ recordName: model.recordName, clientRegion: model.records[0]?.region },
        `dns: no client region given (--client-region); latency records of ${model.recordName} answer as if the client were in the first record's region`);
    }
    for (const record of model.records) {
      const endpoint = endpoints[record.setIdentifier];
      const where = { recordName: model.recordName, endpoint: record.setIdentifier, type: record.type };
      const family = `IPv${record.type === 'A' ? 4 : 6}`;
      const literal = recordAddresses(record, undefined);
      if (literal.length < (record.values?.length ?? 0)) {
        logger?.warn({ ...where, values: record.values }, `dns: record values that are no ${family} address (references to another stack?) are never answered`);
      }
      if (endpoint !== undefined && recordAddresses(record, endpoint).length === 0) {
        logger?.warn({ ...where, target: endpointId(endpoint) },
          `dns: the endpoint is no ${family} literal and the record has no ${family} values; ${record.type} queries answered from it get no address`);
      }
    }
  }
}

/**
 * A local authoritative DNS server for GlobalFailover's Route 53 records, over UDP and TCP on
 * one port: it checks every endpoint as Route 53 would (against its local mapping) and answers
 * A/AAAA queries with the record failover, weighted or latency routing picks from the healthy
 * ones; each zone's apex has Route 53's NS and SOA records, its name servers resolving to this
 * server. See docs/local-proxy-differences.md for where it differs from Route 53.
 */
export async function startDnsServer(options: DnsServerOptions): Promise<DnsServerHandle> {
  const host = options.host ?? '127.0.0.1';
  if (isIP(host) === 0) throw new Error(`dns: host must be an IP address, got ${JSON.stringify(host)}`);
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error(`dns: timeScale must be positive, got ${timeScale}`);
  const logger = options.logger;
  const health = new EndpointHealthTable(options.models, options.endpoints, timeScale, logger);
  const zones = new DnsZones(options.models, options.endpoints, (name, id) => health.healthy(name, id), {
    random: options.random ?? Math.random,
    nameServerAddress: nameServerAddress(host),
    ...(options.clientRegion !== undefined ? { clientRegion: options.clientRegion } : {}),
  });
  warnAboutModels(options.models, options.endpoints, options.clientRegion, logger);
  const transports = await startDnsTransports(host, options.port ?? 0, (message, transport) => respond(message, transport, zones),
    (e) => logger?.error({ err: e }, 'dns: socket or handler error'));
  health.start();
  logger?.debug({ host, port: transports.port, names: options.models.map((m) => m.recordName) }, `dns: serving on UDP and TCP ${host}:${transports.port}`);
  let closing: Promise<void> | undefined;
  return {
    host,
    port: transports.port,
    endpointHealth: () => health.entries(),
    answer: (name, type) => zones.resolve(name, type).answers.flatMap((a) => (a.type === type ? [a.data] : [])),
    close: () => closing ??= Promise.all([transports.close(), health.close()]).then(() => undefined),
  };
}
