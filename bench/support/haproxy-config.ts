/**
 * HAProxy as the reverse proxy under test: HTTP mode, round robin over the upstreams,
 * server connections kept alive and shared (`http-reuse always`), the forwarding headers an
 * ALB adds, no logging.
 */
export function haproxyConfig(options: { readonly port: number; readonly upstreams: readonly number[]; readonly threads: number }): string {
  return `global
  nbthread ${options.threads}
  maxconn 4000
  tune.bufsize 16384

defaults
  mode http
  option http-keep-alive
  http-reuse always
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  timeout http-keep-alive 60s

frontend bench
  bind 127.0.0.1:${options.port}
  option forwardfor
  http-request set-header X-Forwarded-Proto http
  http-request set-header X-Forwarded-Port %[dst_port]
  default_backend backends

backend backends
  balance roundrobin
${options.upstreams.map((p, i) => `  server b${i + 1} 127.0.0.1:${p}`).join('\n')}
`;
}
