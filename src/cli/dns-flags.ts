import { CliError } from './cli-error';
import { parseEndpoint } from './mapping';
import { DnsRoutingModel } from '../core/model/dns-routing-model';
import { Endpoint } from '../proxy/targets/endpoint';

/** `--dns 127.0.0.1:5353`, `--dns :5353` or `--dns 5353` (on 127.0.0.1); port 0 = any free port. */
export function parseDnsAddress(value: string): Endpoint {
  return parseEndpoint(value.startsWith(':') ? `127.0.0.1${value}` : value, '--dns', 0);
}

/**
 * `--endpoint eu-west-1=127.0.0.2:8443`, repeatable: the local stand-in of a GlobalFailover
 * endpoint (a record's set identifier). Its address is what DNS answers for that record,
 * and where the record's health check probes.
 */
export function dnsEndpoints(flags: readonly string[], models: readonly DnsRoutingModel[]): Record<string, Endpoint> {
  const known = [...new Set(models.flatMap((m) => m.records.map((r) => r.setIdentifier)))];
  const out: Record<string, Endpoint> = {};
  for (const flag of flags) {
    const i = flag.indexOf('=');
    if (i <= 0 || i === flag.length - 1) throw new CliError(`--endpoint: '${flag}' is not <endpoint>=<host:port>`);
    const name = flag.slice(0, i).trim();
    if (!known.includes(name)) throw new CliError(`--endpoint ${name}: no GlobalFailover endpoint named ${name} (endpoints: ${known.join(', ') || 'none'})`);
    if (out[name]) throw new CliError(`--endpoint ${name}: given twice`);
    out[name] = parseEndpoint(flag.slice(i + 1), `--endpoint ${name}`);
  }
  return out;
}
