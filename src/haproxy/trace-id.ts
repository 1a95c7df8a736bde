const INCOMING = 'req.fhdr(x-amzn-trace-id)';
/** The node plane's `(?:^|;)\s*Root=([^;]+)`. */
const HAS_ROOT = `{ ${INCOMING} -m reg '(^|;)\\s*Root=[^;]' }`;
/**
 * 8 random hex digits: `rand` draws 32 bits from HAProxy's PRNG (the one `uuid` draws from), `bytes(4,4)`
 * keeps the low 4 bytes of its 8-byte big-endian form. Three draws cost less than a uuid cut into fields.
 */
const RANDOM_8_HEX = '%[rand,bytes(4,4),hex,lower]';
/**
 * The trace id of this request: `1-<8 hex epoch seconds>-<24 hex random>`, as src/proxy/http/trace-id.ts
 * newTraceId. Written into the one header line that applies rather than kept in a variable: cheaper.
 */
const NEW_TRACE_ID = `1-%[date,bytes(4,4),hex,lower]-${RANDOM_8_HEX.repeat(3)}`;

/**
 * X-Amzn-Trace-Id towards the target, as the node plane's traceHeader: no header → `Root=<new>`; a
 * header without Root → `Root=<new>;<header>`; with a Root → the header kept, its Self replaced by
 * `Self=<new>` put first.
 */
export function traceIdLines(): string[] {
  return [
    `    http-request set-header X-Amzn-Trace-Id "Self=${NEW_TRACE_ID};%[${INCOMING},regsub('(^|;)\\s*Self=[^;]*',),regsub('^;',)]" if ${HAS_ROOT}`,
    `    http-request set-header X-Amzn-Trace-Id "Root=${NEW_TRACE_ID};%[${INCOMING}]" if !${HAS_ROOT} { ${INCOMING} -m found }`,
    `    http-request set-header X-Amzn-Trace-Id "Root=${NEW_TRACE_ID}" if !{ ${INCOMING} -m found }`,
  ];
}
