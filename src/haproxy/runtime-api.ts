import { connect } from 'net';

/**
 * One command on HAProxy's master CLI (a unix socket): the master answers and closes the connection.
 * `@1 <command>` goes to the current worker's runtime API (`show stat`, `set server`).
 */
export function runtimeCommand(socket: string, command: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const conn = connect(socket);
    let out = '';
    conn.setEncoding('utf8');
    conn.setTimeout(timeoutMs, () => conn.destroy(new Error(`haproxy master CLI: no answer to "${command}" within ${timeoutMs} ms`)));
    conn.on('data', (d: string) => { out += d; });
    conn.once('error', reject);
    conn.once('close', () => resolve(out));
    conn.once('connect', () => conn.end(`${command}\n`));
  });
}
