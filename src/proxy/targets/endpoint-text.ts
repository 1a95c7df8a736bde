import { Endpoint } from './endpoint';

/**
 * `127.0.0.1:3001`, `localhost:3001`, `[::1]:3001`, or a bare port (on 127.0.0.1) as an
 * endpoint; undefined when the text is none of these or the port is outside `lowestPort`–65535.
 * Shared by the CLI's `--target` flags and `lbkit/testing`'s target mapping.
 */
export function parseEndpointText(value: string, lowestPort = 1): Endpoint | undefined {
  const text = value.trim();
  const m = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(text) ?? /^()()(\d{1,5})$/.exec(text);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port < lowestPort || port > 65535) return undefined;
  return { host: m[1] || m[2] || '127.0.0.1', port };
}
