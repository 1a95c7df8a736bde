import { CliError } from './cli-error';
import { isQuicServerId } from '../core/validation/quic-server-id';
import { Endpoint } from '../proxy/server';
import { parseEndpointText } from '../proxy/targets/endpoint-text';
import { QUIC_TARGET_FORMAT, quicServerIdProblem } from '../proxy/targets/quic-server-id-rule';
import { readJsonFile } from '../readers/read-json-file';

/** Route (target group) name → local endpoints. */
export type TargetMapping = Record<string, Endpoint[]>;

/** `127.0.0.1:3001`, `localhost:3001`, `[::1]:3001`, or a bare port (on 127.0.0.1); port 0 (any free port) where `lowestPort` is 0. */
export function parseEndpoint(value: string, where: string, lowestPort = 1): Endpoint {
  const endpoint = parseEndpointText(value, lowestPort);
  if (!endpoint) throw new CliError(`${where}: '${value}' is not host:port (e.g. 127.0.0.1:3001)`);
  return endpoint;
}

/**
 * A target: `host:port` (see parseEndpoint), or with a QUIC server ID, `host:port/0x0123456789abcdef`
 * (whether the route takes one is checked against the model, see checkQuicServerIds).
 */
export function parseTarget(value: string, where: string): Endpoint {
  const slash = value.indexOf('/');
  if (slash < 0) return parseEndpoint(value, where);
  return withQuicServerId(parseEndpoint(value.slice(0, slash), where), value.slice(slash + 1).trim(), where);
}

function withQuicServerId(endpoint: Endpoint, quicServerId: string, where: string): Endpoint {
  if (!isQuicServerId(quicServerId)) {
    throw new CliError(`${where}: ${endpoint.host}:${endpoint.port}: '${quicServerId}' is not a QUIC server ID (expected ${QUIC_TARGET_FORMAT})`);
  }
  return { ...endpoint, quicServerId };
}

/**
 * `--target api=127.0.0.1:3001` (several per route allowed, also `api=127.0.0.1:3001,127.0.0.1:3002`);
 * a QUIC route's targets with their server IDs: `game=127.0.0.1:4433/0x0123456789abcdef`.
 */
export function parseTargetFlag(value: string): { route: string; endpoints: Endpoint[] } {
  const i = value.indexOf('=');
  if (i <= 0 || i === value.length - 1) throw new CliError(`--target: '${value}' is not <route>=<host:port>`);
  const route = value.slice(0, i).trim();
  const endpoints = value.slice(i + 1).split(',').map((e) => parseTarget(e, `--target ${route}`));
  return { route, endpoints };
}

/**
 * A `--targets` file: JSON `{ "<route>": "host:port" | ["host:port", ...] | [{ "host": ..., "port": ... }] }`;
 * a QUIC route's targets as `"host:port/0x…"` or `{ "host", "port", "quicServerId": "0x…" }`.
 */
export function readTargetsFile(path: string): TargetMapping {
  const json = readJsonFile(path, (message) => new CliError(message));
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new CliError(`${path}: expected an object of route → "host:port" or ["host:port", ...]`);
  }
  const out: TargetMapping = {};
  for (const [route, value] of Object.entries(json as Record<string, unknown>)) {
    const items = Array.isArray(value) ? value : [value];
    out[route] = items.map((item) => {
      if (typeof item === 'string') return parseTarget(item, `${path}: ${route}`);
      const given = item as Partial<Record<keyof Endpoint, unknown>> | null;
      if (given && typeof given === 'object' && typeof given.host === 'string' && Number.isInteger(given.port)) {
        const endpoint = parseEndpoint(`${given.host}:${String(given.port)}`, `${path}: ${route}`);
        if (given.quicServerId === undefined) return endpoint;
        return withQuicServerId(endpoint, typeof given.quicServerId === 'string' ? given.quicServerId : JSON.stringify(given.quicServerId), `${path}: ${route}`);
      }
      throw new CliError(`${path}: ${route}: expected "host:port" or { "host", "port" }, received ${JSON.stringify(item)}`);
    });
  }
  return out;
}

/** The mapping of a file (if any) with the `--target` flags added after it. */
export function targetMapping(flags: readonly string[], file?: string): TargetMapping {
  const out: TargetMapping = file ? readTargetsFile(file) : {};
  for (const flag of flags) {
    const { route, endpoints } = parseTargetFlag(flag);
    out[route] = [...(out[route] ?? []), ...endpoints];
  }
  for (const route of Object.keys(out)) {
    // The same target twice is one; the same host:port with two server IDs is left for checkQuicServerIds to refuse.
    const seen = new Set<string>();
    const keyOf = (e: Endpoint) => `${e.host}:${e.port}/${e.quicServerId ?? ''}`;
    out[route] = out[route].filter((e) => !seen.has(keyOf(e)) && !!seen.add(keyOf(e)));
  }
  return out;
}

/**
 * Each route's QUIC server IDs against its target group's protocol: a QUIC or TCP_QUIC group's
 * targets each need their own; no other group's target may have one (AWS refuses it).
 */
export function checkQuicServerIds(groups: readonly { readonly name: string; readonly protocol: string }[], targets: TargetMapping): void {
  for (const [route, endpoints] of Object.entries(targets)) {
    const group = groups.find((g) => g.name === route);
    if (!group) continue;
    endpoints.forEach((endpoint, i) => {
      const problem = quicServerIdProblem(group.protocol, endpoint, endpoints.slice(0, i));
      if (problem) throw new CliError(`--target ${route}: ${problem}`);
    });
  }
}

/** Local port for a model listener port unless mapped: 443 → 8443, 80 → 8080, others + 8000. */
export function defaultLocalPort(port: number): number {
  if (port === 443) return 8443;
  if (port === 80) return 8080;
  return port + 8000 <= 65535 ? port + 8000 : 0;
}

/** `--port 443=9443` (0 = an ephemeral port). */
export function parsePortFlag(value: string): [number, number] {
  const m = /^(\d{1,5})=(\d{1,5})$/.exec(value.trim());
  const [listener, local] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || listener < 1 || listener > 65535 || local > 65535) {
    throw new CliError(`--port: '${value}' is not <listener port>=<local port> (e.g. 443=9443; 0 for any free port)`);
  }
  return [listener, local];
}

/** Every listener port mapped: the defaults, overridden by `--port` flags (which must name listeners of the model). */
export function listenerPorts(modelPorts: readonly number[], flags: readonly string[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const p of modelPorts) out[p] = defaultLocalPort(p);
  for (const flag of flags) {
    const [listener, local] = parsePortFlag(flag);
    if (!modelPorts.includes(listener)) {
      throw new CliError(`--port ${flag}: the load balancer has no listener on ${listener} (listeners: ${modelPorts.join(', ') || 'none'})`);
    }
    out[listener] = local;
  }
  return out;
}
