import * as http from 'http';
import * as https from 'https';

export interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface RequestOptions {
  readonly host: string;
  readonly path: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** HTTPS with this CA (PEM); plain HTTP without. */
  readonly ca?: string;
}

/** One request to 127.0.0.1:`port` with the given Host (and SNI name over HTTPS), on a fresh connection. */
export function request(port: number, options: RequestOptions): Promise<Reply> {
  const base = {
    host: '127.0.0.1',
    port,
    path: options.path,
    method: options.method ?? 'GET',
    headers: { host: options.host, ...options.headers },
    agent: false as const,
  };
  return new Promise((resolve, reject) => {
    const onResponse = (res: http.IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    };
    const req = options.ca ? https.request({ ...base, ca: options.ca, servername: options.host.replace(/:\d+$/, '') }, onResponse) : http.request(base, onResponse);
    req.setTimeout(5000, () => req.destroy(new Error(`no answer from :${port}${options.path} within 5 s`)));
    req.on('error', reject);
    req.end();
  });
}

/** The demo backend's name in a reply, or the status when the load balancer answered itself. */
export function servedBy(reply: Reply): string {
  if (reply.status !== 200 || !reply.headers['content-type']?.startsWith('application/json')) return String(reply.status);
  return (JSON.parse(reply.body) as { name: string }).name;
}
