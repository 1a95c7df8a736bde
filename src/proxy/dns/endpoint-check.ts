import { MIN_CHECK_TIMEOUT_MS, TARGET_HEALTH_INTERVAL_SECONDS, TARGET_HEALTH_THRESHOLD } from './emulation-constants';
import {
  BODY_TIMEOUT_SECONDS, HEALTH_CHECK_USER_AGENT, HTTP_CONNECT_TIMEOUT_SECONDS, HTTP_STATUS_TIMEOUT_SECONDS, isHealthyStatus,
  SEARCH_STRING_WINDOW_BYTES, TCP_CONNECT_TIMEOUT_SECONDS,
} from './route53-constants';
import { DnsHealthCheckModel } from '../../core/model/dns-routing-model';
import { REFERENCE } from '../../core/model/load-balancer-model';
import { Endpoint } from '../targets/endpoint';
import { CheckOutcome } from '../targets/health-checker';
import { probe, ProbeResult } from '../targets/health-probe';
import { tcpProbe } from '../targets/tcp-probe';
import { scaledMs } from '../targets/time-scale';

/** One check of one endpoint: passed, or failed with a Route 53-style reason. Resolves, never rejects. */
export type CheckResult = CheckOutcome;

/** How an endpoint is checked: the probe, how often, and how many results in a row change its status. */
export interface EndpointCheck {
  readonly intervalMs: number;
  readonly threshold: number;
  run(signal: AbortSignal): Promise<CheckResult>;
}

const timeoutMs = (seconds: number, timeScale: number) => Math.max(MIN_CHECK_TIMEOUT_MS, scaledMs(seconds, timeScale));

/**
 * The Host header a Route 53 checker sends (API reference, HealthCheckConfig
 * FullyQualifiedDomainName): the domain name, else the IP address, with `:port` unless the port
 * is the protocol's own (80 for HTTP, 443 for HTTPS). Undefined when the name is a reference to
 * a load balancer of another stack: the probe then sends the endpoint's own host:port.
 */
export function route53HostHeader(check: DnsHealthCheckModel): string | undefined {
  const name = check.fqdn !== undefined && check.fqdn !== REFERENCE ? check.fqdn : check.ipAddress;
  if (name === undefined || name === REFERENCE) return undefined;
  const host = name.includes(':') ? `[${name}]` : name;
  const defaultPort = check.type.startsWith('HTTPS') ? 443 : 80;
  return check.port === defaultPort ? host : `${host}:${check.port}`;
}

/** A probe result in Route 53's terms (what GetHealthCheckLastFailureReason would say, paraphrased). */
function describe(result: ProbeResult, check: DnsHealthCheckModel | undefined): CheckResult {
  if (result.passed) return { passed: true };
  switch (result.failure) {
    case 'connect-timeout': {
      const seconds = check === undefined || check.type === 'TCP' ? TCP_CONNECT_TIMEOUT_SECONDS : HTTP_CONNECT_TIMEOUT_SECONDS;
      return { passed: false, reason: `Failure: the health checker could not establish a connection within ${seconds} s` };
    }
    case 'timeout': return {
      passed: false,
      reason: result.status === undefined ? `Failure: no HTTP status within ${HTTP_STATUS_TIMEOUT_SECONDS} s of connecting`
        : `Failure: the response body did not arrive within ${BODY_TIMEOUT_SECONDS} s of the status`,
    };
    case 'status': return { passed: false, reason: `Failure: HTTP status code ${result.status} (healthy is 2xx or 3xx)` };
    case 'body': return { passed: false, reason: `Failure: the search string was not in the first ${SEARCH_STRING_WINDOW_BYTES} bytes of the response body` };
    case 'aborted': return { passed: false, reason: 'Failure: the check was stopped' };
    default: return { passed: false, reason: `Failure: connection failed (${result.error ?? result.reason ?? 'error'})` };
  }
}

/**
 * The check of a Route 53 health check, run against the endpoint mapped for its record:
 * HTTP(S) GET of the path (certificate not validated, 4 s to connect, 2 s to the status, the
 * search string within the first 5120 bytes, read within 2 s), or a TCP connect within 10 s;
 * every interval. Durations are divided by the time scale (timeouts to no less than 500 ms).
 */
export function healthCheckOf(check: DnsHealthCheckModel, endpoint: Endpoint, timeScale: number): EndpointCheck {
  const intervalMs = scaledMs(check.requestIntervalSeconds, timeScale);
  if (check.type === 'TCP') {
    const connectMs = timeoutMs(TCP_CONNECT_TIMEOUT_SECONDS, timeScale);
    const run = async (signal: AbortSignal) => describe(
      await tcpProbe({ host: endpoint.host, port: endpoint.port, timeoutMs: connectMs, signal }), check);
    return { intervalMs, threshold: check.failureThreshold, run };
  }
  const host = route53HostHeader(check);
  const options = {
    protocol: check.type.startsWith('HTTPS') ? 'HTTPS' as const : 'HTTP' as const,
    host: endpoint.host,
    port: endpoint.port,
    path: check.path ?? '/',
    connectTimeoutMs: timeoutMs(HTTP_CONNECT_TIMEOUT_SECONDS, timeScale),
    timeoutMs: timeoutMs(HTTP_STATUS_TIMEOUT_SECONDS, timeScale),
    matches: isHealthyStatus,
    headers: { 'user-agent': HEALTH_CHECK_USER_AGENT, ...(host !== undefined ? { host } : {}) },
    ...(check.searchString !== undefined
      ? { bodyMatch: { text: check.searchString, withinBytes: SEARCH_STRING_WINDOW_BYTES, timeoutMs: timeoutMs(BODY_TIMEOUT_SECONDS, timeScale) } }
      : {}),
  };
  return { intervalMs, threshold: check.failureThreshold, run: async (signal) => describe(await probe({ ...options, signal }), check) };
}

/**
 * The local stand-in for an alias target's health (evaluate target health, no health check):
 * the mapped endpoint accepting TCP connections, every 10 s, threshold 3.
 */
export function targetHealthOf(endpoint: Endpoint, timeScale: number): EndpointCheck {
  const connectMs = timeoutMs(TCP_CONNECT_TIMEOUT_SECONDS, timeScale);
  return {
    intervalMs: scaledMs(TARGET_HEALTH_INTERVAL_SECONDS, timeScale),
    threshold: TARGET_HEALTH_THRESHOLD,
    run: async (signal) => describe(await tcpProbe({ host: endpoint.host, port: endpoint.port, timeoutMs: connectMs, signal }), undefined),
  };
}
