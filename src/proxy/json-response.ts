import { ServerResponse } from 'http';

/** A JSON response of the local identity services (sign-in provider, token endpoint): never cached (RFC 6749 §5.1). */
export function jsonResponse(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'cache-control': 'no-store', ...extra });
  res.end(payload);
}
