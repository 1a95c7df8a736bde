import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { LOCAL_TOKEN_LIFETIME_SECONDS, LocalJwtIssuers } from './local-jwt-issuers';
import { jsonResponse as json } from '../json-response';
import { basicClientId } from '../oidc/local-identity-provider';
import { reachableHost } from '../reachable-host';

/** A token request is a few form fields: anything larger is refused before it is read whole. */
const MAX_REQUEST_BYTES = 64 * 1024;
/** `/jwt/<url-encoded issuer>/token` and `/jwt/<url-encoded issuer>/jwks`. */
const ISSUER_PATH = /^\/jwt\/([^/]+)\/(token|jwks)$/;

export interface JwtTokenEndpointOptions {
  readonly issuers: LocalJwtIssuers;
  /** @default 127.0.0.1 */
  readonly host?: string;
  /** @default 0 (a free port) */
  readonly port?: number;
}

export interface JwtTokenEndpoint {
  /** `http://<host>:<port>` */
  readonly url: string;
  /** Where a client gets an access token of `issuer` (client credentials grant). */
  tokenUrl(issuer: string): string;
  /** The issuer's public key set, as its JWKS endpoint would serve it. */
  jwksUrl(issuer: string): string;
  close(): Promise<void>;
}

/**
 * The local issuers' token endpoint: the OAuth 2.0 client credentials grant (RFC 6749 §4.4), as a service
 * gets an access token from its identity provider before it calls a load balancer that validates JWTs.
 * It knows no clients: any client id and secret are accepted (HTTP Basic or form fields). The token holds
 * `iss`, `sub` (the client id), `iat`, `exp` (an hour), `scope` when asked, and the JSON object of the form
 * field `claims` — which may replace any of them, so a client can satisfy additional claims or see a refusal.
 */
export async function startJwtTokenEndpoint(options: JwtTokenEndpointOptions): Promise<JwtTokenEndpoint> {
  const { issuers } = options;
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => json(res, 500, { error: 'server_error', error_description: e instanceof Error ? e.message : String(e) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = ISSUER_PATH.exec(new URL(req.url ?? '/', 'http://local').pathname);
    const issuer = path ? safeDecode(path[1]) : undefined;
    if (!path || issuer === undefined || !issuers.issuers().includes(issuer)) {
      return json(res, 404, { error: 'not_found', error_description: `token endpoints: ${issuers.issuers().map((i) => `/jwt/${encodeURIComponent(i)}/token`).join(', ')}` });
    }
    if (path[2] === 'jwks') return json(res, 200, issuers.keySets()[issuer]);
    if (req.method !== 'POST') return json(res, 405, { error: 'invalid_request', error_description: 'POST only' }, { allow: 'POST' });
    const body = await form(req);
    if (body === undefined) return json(res, 413, { error: 'invalid_request', error_description: `the request exceeds ${MAX_REQUEST_BYTES} bytes` });
    if (body.get('grant_type') !== 'client_credentials') {
      return json(res, 400, { error: 'unsupported_grant_type', error_description: 'grant_type=client_credentials only' });
    }
    const clientId = clientIdOf(req.headers.authorization) ?? body.get('client_id');
    if (!clientId) {
      return json(res, 401, { error: 'invalid_client', error_description: 'a client id: HTTP Basic or the client_id form field (any id and secret are accepted)' },
        { 'www-authenticate': 'Basic realm="lbkit"' });
    }
    const claims = extraClaims(body.get('claims'));
    if (typeof claims === 'string') return json(res, 400, { error: 'invalid_request', error_description: claims });
    const scope = body.get('scope') ?? undefined;
    const accessToken = await issuers.token({ sub: clientId, ...(scope !== undefined ? { scope } : {}), ...claims }, issuer);
    json(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: LOCAL_TOKEN_LIFETIME_SECONDS, ...(scope !== undefined ? { scope } : {}) });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(address.address)}:${address.port}`;
  return {
    url,
    tokenUrl: (issuer) => `${url}/jwt/${encodeURIComponent(issuer)}/token`,
    jwksUrl: (issuer) => `${url}/jwt/${encodeURIComponent(issuer)}/jwks`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** The HTTP Basic client id; undefined when absent or not decodable (then the request is refused as it has none). */
function clientIdOf(authorization: string | undefined): string | undefined {
  try {
    return basicClientId(authorization);
  } catch {
    return undefined;
  }
}

/** The `claims` form field: a JSON object, or why it is refused. */
function extraClaims(text: string | null): Record<string, unknown> | string {
  if (text === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `claims: not JSON (${(e as Error).message})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'claims: expected a JSON object, e.g. {"aud":"orders"}';
  return value as Record<string, unknown>;
}

/** The address a client reaches, IPv6 in brackets. */
function urlHost(address: string): string {
  const host = reachableHost(address);
  return host.includes(':') ? `[${host}]` : host;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The form body, or undefined past {@link MAX_REQUEST_BYTES}. */
function form(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_REQUEST_BYTES ? undefined : new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

