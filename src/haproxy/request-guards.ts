import { LoadBalancerModel } from '../core/model/load-balancer-model';
import { MAX_XFF_ADDRESSES } from '../proxy/http/forwarded-headers';
import { LB_SERVER_HEADER } from '../proxy/http/response-headers';
import { scaledMs } from '../proxy/targets/time-scale';

/** The stick-table counting requests per client IP for the WAF rate-based rule. */
export const WAF_TABLE = 'waf_rate';

/** The body file of the 463 (too many X-Forwarded-For addresses), an ALB status HAProxy has no errorfile slot for. */
export const XFF_REFUSAL_BODY = 'errors/463.html';

/**
 * What the node plane refuses before routing (src/proxy/http/request-handler.ts), in its order:
 * TRACE (405), more than 30 X-Forwarded-For addresses (463), then the managed WAF's rate-based
 * rule per client IP (403). The WAF's managed rule groups are not emulated locally by either plane.
 */
export function requestGuards(model: LoadBalancerModel): string[] {
  const lines = [
    '    http-request deny deny_status 405 if METH_TRACE',
    `    http-request return status 463 content-type text/html file ${XFF_REFUSAL_BODY} hdr Server ${LB_SERVER_HEADER} if { req.hdr_cnt(x-forwarded-for) gt ${MAX_XFF_ADDRESSES} }`,
  ];
  if (model.waf.kind === 'managed') {
    lines.push(`    http-request track-sc0 src table ${WAF_TABLE}`);
    lines.push(`    http-request deny deny_status 403 if { sc_http_req_rate(0,${WAF_TABLE}) gt ${model.waf.rateLimit} }`);
  }
  return lines;
}

/** The WAF's per-IP request table (a backend holding only it), when the model has a managed WAF. */
export function wafTableSection(model: LoadBalancerModel, timeScale: number): string[] {
  if (model.waf.kind !== 'managed') return [];
  const window = `${scaledMs(model.waf.rateLimitWindowSeconds, timeScale)}ms`;
  return [
    `backend ${WAF_TABLE}`,
    `    # WAF rate-based rule: ${model.waf.rateLimit} requests per ${model.waf.rateLimitWindowSeconds}s per client IP`,
    `    stick-table type ipv6 size 100k expire ${window} store http_req_rate(${window})`,
  ];
}
