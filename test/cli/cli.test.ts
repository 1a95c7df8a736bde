import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from './support';
import { runCli } from '../../src/cli';
import { defaultCaDir } from '../../src/proxy/tls';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'lbkit-cli-errors-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const neverServes = { onServing: async () => { throw new Error('should not serve'); } };

async function run(...args: string[]) {
  const io = bufferIo();
  const code = await runCli(args, io, neverServes);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

test.each([
  ['not JSON', () => file('bad.json', '{ "Resources": '), /^lbkit: .*bad\.json: not JSON \(.+\)\n$/],
  ['neither engine', () => file('other.json', '{"name":"x"}'), /^lbkit: .*other\.json: neither a CloudFormation template .*\n$/],
  ['no load balancer', () => file('empty.template.json', '{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}'), /^lbkit: .*empty\.template\.json: .*no application or network load balancer.*\n$/],
  ['a directory', () => dir, /^lbkit: .*: cannot read \(is a directory\)\n$/],
])('serve: %s → exit 2 and one line', async (_name, path, message) => {
  const r = await run('serve', path());
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
});

test.each([
  [['serve'], "lbkit: missing required argument 'file' (see lbkit --help)\n"],
  [['serve', 'x.json', '--bogus'], "lbkit: unknown option '--bogus' (see lbkit --help)\n"],
  [['frobnicate'], "lbkit: unknown command 'frobnicate' (see lbkit --help)\n"],
  [['diff', 'a.json'], "lbkit: missing required argument 'b' (see lbkit --help)\n"],
  [['serve', 'x.json', '--log-level', 'loud'], /^lbkit: option '--log-level <level>' argument 'loud' is invalid/],
])('bad flags %j → exit 2 and one line', async (args, message) => {
  const r = await run(...args);
  expect(r.code).toBe(2);
  expect(r.stderr).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
});

test('no arguments: help on stderr, exit 2', async () => {
  const r = await run();
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Usage: lbkit');
});

test('serve --help: every flag and the examples', async () => {
  const r = await run('serve', '--help');
  expect(r.code).toBe(0);
  for (const flag of ['--target <route=host:port>', '--targets <file.json>', '--port <listener=local>', '--host <address>', '--time-scale <n>',
    '--watch', '--admin-port <port>', '--ca-dir <dir>', '--domain <name>', '--access-log <file|->', '--connection-log <file|->', '--lb <name>']) {
    expect(r.stdout).toContain(flag);
  }
  expect(r.stdout).toContain('Examples:');
  expect(r.stdout).toContain('443 → 8443, 80 → 8080');
  // The CA's real path (this user's data directory; the test run's temporary one here), never the project's .lbkit.
  expect(r.stdout).toContain(`curl --cacert ${join(defaultCaDir(), 'ca.pem')} --resolve`);
  expect(r.stdout).not.toContain('.lbkit');
  expect(r.stdout).toContain('--connect-to api.example.com:443:127.0.0.1:8443');
  for (const flag of ['--rewrite-redirect-ports', '--log-format <format>', '--log-level <level>']) expect(r.stdout).toContain(flag);
});

test('diff --help describes the exit statuses', async () => {
  const r = await run('help', 'diff');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Exit status: 0 when both describe the same load balancers, 1 when they differ');
});
