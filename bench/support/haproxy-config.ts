import { BenchScheme } from './bench-model';

/**
 * The process settings every HAProxy subject runs with: `threads` threads. The compiled config
 * (lbkit-haproxy) sets none of these, so the bench passes this section as a second `-f` file.
 */
export function haproxyGlobal(threads: number): string {
  return `global
  nbthread ${threads}
  maxconn 4000
  tune.bufsize 16384
`;
}

/**
 * HAProxy as the reverse proxy under test, written by hand to do the job the compiled config
 * (src/haproxy, the lbkit-haproxy subject) does: HTTP mode, keep-alive on both sides with the ALB's
 * 60 s idle timeout and lbkit's 10 s connect timeout, round robin over the upstreams with the same
 * health checks (GET /health every 15 s, rise 2, fall 3, 5 s timeout), the forwarding headers an
 * ALB adds, no logging. HTTPS: TLS terminated with `pem` (certificate and key), TLS 1.2 and up,
 * h2 and http/1.1 offered by ALPN, as the compiled listener. Server connections are shared
 * (`http-reuse always`), which the compiled config leaves at HAProxy's default (`safe`).
 */
export function haproxyConfig(options: {
  readonly port: number; readonly upstreams: readonly number[]; readonly threads: number; readonly scheme: BenchScheme; readonly pem?: string;
}): string {
  const tls = options.scheme === 'https' ? ` ssl crt ${options.pem} alpn h2,http/1.1 ssl-min-ver TLSv1.2` : '';
  return `${haproxyGlobal(options.threads)}
defaults
  mode http
  option http-keep-alive
  http-reuse always
  timeout connect 10s
  timeout client 60s
  timeout server 60s
  timeout http-keep-alive 60s

frontend bench
  bind 127.0.0.1:${options.port}${tls}
  option forwardfor
  http-request set-header X-Forwarded-Proto ${options.scheme}
  http-request set-header X-Forwarded-Port %[dst_port]
  default_backend backends

backend backends
  balance roundrobin
  option httpchk GET /health
  http-check expect status 200
  timeout check 5s
  default-server inter 15s rise 2 fall 3
${options.upstreams.map((p, i) => `  server b${i + 1} 127.0.0.1:${p} check`).join('\n')}
`;
}
