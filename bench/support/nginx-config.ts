/** Where an nginx instance keeps its pid, logs and temp files (one directory per instance). */
export interface NginxPaths {
  readonly dir: string;
}

function preamble(paths: NginxPaths, workers: number | 'auto'): string {
  return `daemon off;
master_process on;
worker_processes ${workers};
pid ${paths.dir}/nginx.pid;
error_log ${paths.dir}/error.log warn;
events { worker_connections 4096; multi_accept on; }
`;
}

function temps(paths: NginxPaths): string {
  return ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${paths.dir}/${t};`).join('\n');
}

/** A backend: `return 200` with a body of `bodyBytes` bytes on 127.0.0.1:<port>, keep-alive without a request cap. */
export function nginxBackendConfig(options: NginxPaths & { readonly port: number; readonly bodyBytes: number }): string {
  return `${preamble(options, 1)}http {
  access_log off;
${temps(options)}
  keepalive_timeout 120s;
  keepalive_requests 100000000;
  default_type text/plain;
  server {
    listen 127.0.0.1:${options.port} backlog=4096;
    location / { return 200 "${'x'.repeat(options.bodyBytes)}"; }
  }
}
`;
}

/**
 * nginx as the reverse proxy under test: round robin over the upstreams with a keep-alive
 * pool (HTTP/1.1, Connection cleared), the forwarding headers an ALB adds, no access log.
 * With `pem` (certificate and key in one file): TLS terminated, TLS 1.2 and up, h2 offered by ALPN.
 */
export function nginxProxyConfig(options: NginxPaths & {
  readonly port: number; readonly upstreams: readonly number[]; readonly workers: number | 'auto'; readonly keepalive: number; readonly pem?: string;
}): string {
  const tls = options.pem
    ? ` ssl http2;\n    ssl_certificate ${options.pem};\n    ssl_certificate_key ${options.pem};\n    ssl_protocols TLSv1.2 TLSv1.3;`
    : ';';
  return `${preamble(options, options.workers)}http {
  access_log off;
${temps(options)}
  keepalive_timeout 120s;
  keepalive_requests 100000000;
  upstream backends {
${options.upstreams.map((p) => `    server 127.0.0.1:${p};`).join('\n')}
    keepalive ${options.keepalive};
    keepalive_requests 100000000;
  }
  server {
    listen 127.0.0.1:${options.port} backlog=4096${tls}
    location / {
      proxy_pass http://backends;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Port $server_port;
    }
  }
}
`;
}
