/** The trace id of this request: `1-<8 hex epoch seconds>-<24 hex random>`, as src/proxy/http/trace-id.ts newTraceId. */
export const TRACE_VAR = 'txn.lb_trace';
/** The Root the access log records: the incoming one when kept, else the new trace id. */
export const TRACE_ROOT_VAR = 'txn.lb_trace_root';

const INCOMING = 'req.fhdr(x-amzn-trace-id)';
/** The node plane's `(?:^|;)\s*Root=([^;]+)`. */
const HAS_ROOT = `{ ${INCOMING} -m reg '(^|;)\\s*Root=[^;]' }`;

/**
 * X-Amzn-Trace-Id towards the target, as the node plane's traceHeader: no header → `Root=<new>`; a
 * header without Root → `Root=<new>;<header>`; with a Root → the header kept, its Self replaced by
 * `Self=<new>` put first. The 24 random hex digits come from three fields of a random UUID (v4: its
 * 1st, 2nd and 5th fields are wholly random).
 */
export function traceIdLines(): string[] {
  return [
    '    http-request set-var(txn.lb_uuid) uuid',
    `    http-request set-var-fmt(${TRACE_VAR}) "1-%[date,bytes(4,4),hex,lower]-%[var(txn.lb_uuid),field(1,-)]%[var(txn.lb_uuid),field(2,-)]%[var(txn.lb_uuid),field(5,-)]"`,
    `    http-request set-var-fmt(${TRACE_ROOT_VAR}) "%[var(${TRACE_VAR})]"`,
    `    http-request set-var-fmt(${TRACE_ROOT_VAR}) "%[${INCOMING},regsub('^(.*?;)?\\s*Root=',),field(1,;)]" if ${HAS_ROOT}`,
    `    http-request set-header X-Amzn-Trace-Id "Self=%[var(${TRACE_VAR})];%[${INCOMING},regsub('(^|;)\\s*Self=[^;]*',),regsub('^;',)]" if ${HAS_ROOT}`,
    `    http-request set-header X-Amzn-Trace-Id "Root=%[var(${TRACE_VAR})];%[${INCOMING}]" if !${HAS_ROOT} { ${INCOMING} -m found }`,
    `    http-request set-header X-Amzn-Trace-Id "Root=%[var(${TRACE_VAR})]" if !{ ${INCOMING} -m found }`,
  ];
}
