/**
 * What Route 53 documents about its health checkers and answers, once, each with its source
 * (Route 53 Developer Guide page titles, unless named otherwise). The local resolver divides
 * the durations by its time scale.
 */

/** HTTP/HTTPS checks: the TCP connection must open within 4 s ("How Amazon Route 53 determines whether a health check is healthy"). */
export const HTTP_CONNECT_TIMEOUT_SECONDS = 4;
/** HTTP/HTTPS checks: a 2xx or 3xx status within 2 s of connecting (same page). */
export const HTTP_STATUS_TIMEOUT_SECONDS = 2;
/** String matching: the body must arrive within 2 s after the status (same page). */
export const BODY_TIMEOUT_SECONDS = 2;
/** String matching: the search string must lie entirely within the body's first 5120 bytes (same page). */
export const SEARCH_STRING_WINDOW_BYTES = 5120;
/** TCP checks: the connection must open within 10 s (same page). */
export const TCP_CONNECT_TIMEOUT_SECONDS = 10;
/** Healthy statuses of HTTP(S) checks: 200 ≤ status < 400 (API reference, HealthCheckConfig Type). */
export const isHealthyStatus = (status: number): boolean => status >= 200 && status < 400;

/**
 * Alias records take the target's TTL; an ELB's DNS entries have 60 s ("Choosing between alias
 * and non-alias records"; ELB guide "Configure a custom domain name for your Classic Load Balancer";
 * Route 53 FAQ: ELB aliases have a fixed TTL of 60 seconds).
 */
export const ELB_ALIAS_TTL_SECONDS = 60;

/** The user agent of Route 53's checkers starts so ("Amazon-Route53-Health-Check-Service (ref …)"); backends filter on it. */
export const HEALTH_CHECK_USER_AGENT = 'Amazon-Route53-Health-Check-Service (ref lbkit-local)';

/**
 * The SOA record Route 53 creates in a public hosted zone: `<one of the zone's name servers>
 * awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400`, TTL 900 ("NS and SOA records that Amazon Route 53 creates for a public hosted
 * zone"). Negative answers carry it, so resolvers cache NXDOMAIN/NODATA for min(TTL, minimum) = 900 s.
 */
export const SOA = {
  ttlSeconds: 900,
  rname: 'awsdns-hostmaster.amazon.com',
  serial: 1,
  refresh: 7200,
  retry: 900,
  expire: 1_209_600,
  minimum: 86_400,
} as const;

/**
 * Route 53 creates an NS record at the apex of every public hosted zone listing the zone's four
 * name servers, one each under .com, .net, .org and .co.uk, named like `ns-2048.awsdns-64.com`
 * ("NS and SOA records that Amazon Route 53 creates for a public hosted zone"), with a TTL of
 * 172,800 s (AWS Knowledge Center, "update name servers at the Route 53 registrar": "The default TTL
 * setting for an NS record in Route 53 is 172,800 seconds (two days)").
 */
export const NS_TTL_SECONDS = 172_800;
