import { execFile } from 'child_process';
import { rmSync } from 'fs';
import { join } from 'path';
import { promisify } from 'util';
import { closeServed, serve, synthWebApi } from './support';
import { ServeSession } from '../../src/cli';
import { DemoBackend, startDemoBackend } from '../../src/health';

// The HTTP → HTTPS redirect followed locally, from both engines' output: Location keeps AWS's
// listener port (:443) while the proxy listens elsewhere, so lbkit serve prints the curl command
// that maps each listener port to its local one; --rewrite-redirect-ports writes the local ports
// into Location instead (browsers).

let example: ReturnType<typeof synthWebApi>;
let backends: DemoBackend[] = [];

beforeAll(() => { example = synthWebApi(); });
afterAll(() => rmSync(example.dir, { recursive: true, force: true }));
afterEach(async () => {
  await closeServed();
  await Promise.all(backends.map((b) => b.close()));
  backends = [];
});

// Asynchronous: the proxy answers from this same process.
const curl = async (args: readonly string[]) =>
  (await promisify(execFile)('curl', ['--silent', '--show-error', '--max-time', '10', ...args], { encoding: 'utf8' })).stdout;

const localPort = (s: ServeSession, port: number) => s.handle!.listeners.find((l) => l.port === port)!.localPort;

describe.each(['cloudFormation', 'terraform'] as const)('following the redirect of lbkit serve, %s output', (engine) => {
  let web: DemoBackend;
  beforeEach(async () => {
    web = await startDemoBackend({ name: 'web-1' });
    backends.push(web);
  });
  const serveWeb = (...args: string[]) => serve(example[engine], '--target', `web=${web.address}`, '--port', '443=0', '--port', '80=0',
    '--ca-dir', join(example.dir, `ca-${engine}`), '--time-scale', '100', ...args);

  test('Location keeps :443 as on AWS; the printed curl command follows it to the HTTPS listener', async () => {
    const { session, io } = await serveWeb();
    const [https, http] = [localPort(session, 443), localPort(session, 80)];
    const ca = session.tls!.ca.certFile;
    const command = `curl -L --cacert ${ca} --connect-to api.example.com:80:127.0.0.1:${http} --connect-to api.example.com:443:127.0.0.1:${https} http://api.example.com/`;
    expect(io.stdout).toContain(`redirects: Location carries the listener ports, as on AWS; follow them locally with\n  ${command}\n`);

    const location = await curl(['--write-out', '%{http_code} %{redirect_url}', '--output', '/dev/null', '-H', 'Host: api.example.com', `http://127.0.0.1:${http}/x?y=1`]);
    expect(location).toBe('301 https://api.example.com:443/x?y=1');
    // The command as printed (the temporary CA path has no spaces), with what curl did appended.
    const followed = await curl([...command.split(' ').slice(1), '--write-out', '\n%{num_redirects} %{http_code} %{url_effective}']);
    const [body, outcome] = followed.split('\n');
    expect(outcome).toBe('1 200 https://api.example.com:443/');
    expect(JSON.parse(body)).toMatchObject({ name: 'web-1', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-port': '443' } });
  });

  test('--rewrite-redirect-ports: Location carries the local HTTPS port, so a client follows it as a browser would', async () => {
    const { session, io } = await serveWeb('--rewrite-redirect-ports');
    const [https, http] = [localPort(session, 443), localPort(session, 80)];
    expect(io.stdout).toContain(`redirects: Location carries the local ports (--rewrite-redirect-ports), e.g. 80 → ${http}, 443 → ${https}\n`);
    // Only the names resolve to loopback (as /etc/hosts would): no port mapping on the client.
    const followed = await curl(['-L', '--cacert', session.tls!.ca.certFile, '--resolve', `api.example.com:${http}:127.0.0.1`,
      '--resolve', `api.example.com:${https}:127.0.0.1`, '--write-out', '\n%{num_redirects} %{http_code} %{url_effective}', `http://api.example.com:${http}/x?y=1`]);
    const [body, outcome] = followed.split('\n');
    expect(outcome).toBe(`1 200 https://api.example.com:${https}/x?y=1`);
    expect(JSON.parse(body)).toMatchObject({ name: 'web-1', path: '/x?y=1', headers: { 'x-forwarded-port': '443' } });
  });
});
