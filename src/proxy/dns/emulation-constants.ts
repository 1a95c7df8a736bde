/** Choices of the local resolver where Route 53 has no documented number (docs/local-proxy-differences.md). */

/**
 * An alias record that evaluates target health but has no health check is healthy while its
 * mapped endpoint accepts TCP connections, checked this often (lbkit's stand-in for the load
 * balancer's target health, which lives in another process) ...
 */
export const TARGET_HEALTH_INTERVAL_SECONDS = 10;
/** ... and changing state after this many consecutive results (Route 53's default failure threshold). */
export const TARGET_HEALTH_THRESHOLD = 3;

/**
 * Check timeouts are divided by the time scale like the interval, but never below this: on a
 * busy machine a TLS handshake alone can take tens of milliseconds, and a smaller timeout
 * would fail healthy endpoints.
 */
export const MIN_CHECK_TIMEOUT_MS = 500;

/** A TCP client silent this long is disconnected (RFC 7766 §6.2.3: servers time idle connections out). */
export const TCP_IDLE_TIMEOUT_MS = 10_000;
/** Largest UDP answer without EDNS (RFC 1035 §4.2.1); larger ones are sent truncated (TC). */
export const UDP_PAYLOAD_MAX = 512;
/** Largest UDP answer with EDNS, whatever the client offers (the DNS flag day 2020 size, avoids fragmentation). */
export const EDNS_PAYLOAD_MAX = 1232;
/**
 * The four name servers of every zone served locally: Route 53's documented example names
 * (`ns-2048.awsdns-64.com` …, "NS and SOA records that Amazon Route 53 creates for a public hosted
 * zone") under `.test`, a top-level domain reserved for testing (RFC 6761 §6.2), so that no real
 * name server is ever named. This server answers their A/AAAA with its own address.
 */
export const LOCAL_NAME_SERVERS: readonly string[] = [
  'ns-2048.awsdns-64.com.test',
  'ns-2049.awsdns-65.net.test',
  'ns-2050.awsdns-66.org.test',
  'ns-2051.awsdns-67.co.uk.test',
];
