/**
 * True when a request's Host names the loopback interface (`127.0.0.1`, `localhost`, `[::1]`, any
 * port, as through an SSH tunnel). The status page lists clients' requests: a page elsewhere that
 * rebinds its own name to 127.0.0.1 (DNS rebinding) sends its name as Host, and gets no snapshot.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(host.trim().toLowerCase())?.[1];
  return name === 'localhost' || name === '[::1]' || (name !== undefined && /^127(?:\.\d{1,3}){3}$/.test(name));
}
