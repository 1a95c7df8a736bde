import { Agent, buildConnector, fetch, RequestInit, Response } from 'undici';
import { TestingKitError } from './errors';

/** Resolves a URL's scheme and port to the local port of the listener serving it. */
export type LocalPortOf = (scheme: 'http' | 'https', port: number) => number;

/** The `fetch` of a local load balancer (undici's). */
export type LocalFetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

/**
 * A fetch that sends every request to the local listener for the URL's scheme and port,
 * keeping the URL's host for the Host header and TLS SNI, and trusting the local CA: tests
 * use real hostnames (`https://api.example.com/orders/1`) and host-based rules apply.
 */
export function localFetch(source: string, portOf: LocalPortOf, caPem: string | undefined,
  client?: { readonly certPem: string; readonly keyPem: string }): { fetch: LocalFetch; close(): Promise<void> } {
  // A client certificate (mutual TLS listeners) is presented on every TLS connection of this fetch.
  const connector = buildConnector({ ...(caPem ? { ca: caPem } : {}), ...(client ? { cert: client.certPem, key: client.keyPem } : {}) });
  const agent = new Agent({
    connect: (options, callback) => {
      const scheme = options.protocol === 'https:' ? 'https' : 'http';
      const port = Number(options.port) || (scheme === 'https' ? 443 : 80);
      let local: number;
      try {
        local = portOf(scheme, port);
      } catch (e) {
        callback(e as Error, null);
        return;
      }
      connector({ ...options, hostname: '127.0.0.1', port: String(local) }, callback);
    },
  });
  return {
    fetch: (url, init) => {
      const parsed = new URL(String(url));
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        return Promise.reject(new TestingKitError(`${source}: fetch: ${parsed.protocol} URLs are not served by the local load balancer (http: or https:)`));
      }
      try {
        // Said here, once, rather than as undici's "fetch failed" with a cause.
        portOf(parsed.protocol === 'https:' ? 'https' : 'http', Number(parsed.port) || (parsed.protocol === 'https:' ? 443 : 80));
      } catch (e) {
        return Promise.reject(e);
      }
      return fetch(parsed, { ...init, dispatcher: agent });
    },
    // Abruptly: a response body the test never read must not hold up close().
    close: () => agent.destroy(),
  };
}
