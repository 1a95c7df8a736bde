import { BenchScheme, BENCH_LISTENER_PORT } from './bench-model';
import { haproxyGlobal } from './haproxy-config';

/**
 * HAProxy written by hand, as an expert would, to do what the compiled config (lbkit-haproxy) does
 * for the bench model, observably the same: the ALB's 60 s idle timeout and lbkit's 10 s connect
 * timeout, keep-alive, probes without a request closed silently, idle target connections shared
 * (`http-reuse always`); TRACE refused with 405 and more than 30 X-Forwarded-For with 463, both as
 * awselb pages; header names outside `[-A-Za-z0-9]` dropped (drop_invalid_header_fields);
 * X-Forwarded-For appended, -Proto and -Port (the ALB listener's 443) set; X-Amzn-Trace-Id in AWS's
 * `1-<8 hex time>-<24 hex random>` form with the ALB's Root/Self rules; HSTS and nosniff on every
 * response and the load balancer's own `Server: awselb/2.0` removed; round robin with the target
 * group's health checks and, when no target is healthy, all of them (fail open). HTTPS: `pem`, TLS
 * 1.2 and up, h2 and http/1.1 by ALPN. The awselb pages are files under the config's directory (`errors/`).
 */
export function haproxyAlbConfig(options: {
  readonly port: number; readonly upstreams: readonly number[]; readonly threads: number; readonly scheme: BenchScheme; readonly pem?: string;
}): string {
  const tls = options.scheme === 'https' ? ` ssl crt ${options.pem} alpn h2,http/1.1 ssl-min-ver TLSv1.2` : '';
  const trace = 'req.fhdr(x-amzn-trace-id)';
  const hasRoot = `{ ${trace} -m reg '(^|;)\\s*Root=[^;]' }`;
  const newId = '1-%[date,bytes(4,4),hex,lower]-%[rand,bytes(4,4),hex,lower]%[rand,bytes(4,4),hex,lower]%[rand,bytes(4,4),hex,lower]';
  const servers = options.upstreams.map((p, i) => `  server t${i} 127.0.0.1:${p} check`);
  const backups = options.upstreams.map((p, i) => `  server t${i}-fail-open 127.0.0.1:${p} backup`);
  return `${haproxyGlobal(options.threads)}  default-path config

defaults
  mode http
  option http-keep-alive
  option http-ignore-probes
  http-reuse always
  timeout connect 10s
  timeout client 60s
  timeout server 60s
  timeout http-keep-alive 60s
${ALB_ERROR_STATUSES.map((s) => `  errorfile ${s} ${albErrorFile(s)}`).join('\n')}

frontend alb
  bind 127.0.0.1:${options.port}${tls}
  http-request deny deny_status 405 if METH_TRACE
  http-request return status 463 content-type text/html file ${XFF_463_FILE} hdr Server awselb/2.0 if { req.hdr_cnt(x-forwarded-for) gt 30 }
  http-request del-header "[^-A-Za-z0-9]" -m reg
  http-request add-header X-Forwarded-For %[src]
  http-request set-header X-Forwarded-Proto ${options.scheme}
  http-request set-header X-Forwarded-Port ${BENCH_LISTENER_PORT}
  http-request set-header X-Amzn-Trace-Id "Self=${newId};%[${trace},regsub('(^|;)\\s*Self=[^;]*',),regsub('^;',)]" if ${hasRoot}
  http-request set-header X-Amzn-Trace-Id "Root=${newId};%[${trace}]" if !${hasRoot} { ${trace} -m found }
  http-request set-header X-Amzn-Trace-Id "Root=${newId}" if !{ ${trace} -m found }
  http-after-response set-header Strict-Transport-Security "max-age=31536000"
  http-after-response set-header X-Content-Type-Options nosniff
  http-after-response del-header Server if { res.hdr(server) -m str awselb/2.0 }
  default_backend app

backend app
  balance roundrobin
  option httpchk GET /health
  http-check expect status 200
  timeout check 5s
  default-server inter 15s rise 2 fall 3
  option allbackups
${[...servers, ...backups].join('\n')}
`;
}

/** The statuses HAProxy itself answers with an awselb page: WAF block, TRACE, bad gateway, no target, target timeout. */
export const ALB_ERROR_STATUSES = [403, 405, 502, 503, 504] as const;
export const albErrorFile = (status: number): string => `errors/${status}.http`;
export const XFF_463_FILE = 'errors/463.html';
