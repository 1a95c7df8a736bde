import { rmSync } from 'fs';
import { join } from 'path';
import { closeServed, serveFails, synthWebApi } from './support';
import { domainFlags } from '../../src/cli/domain-flags';

test.each(['api.example.com', '*.example.com', 'localhost', 'xn--bcher-kva.example', 'a-b.c1'])('--domain %s is a domain name', (name) => {
  expect(domainFlags([name])).toEqual([name]);
});

test.each(['Ā', 'bücher.example', '', ' ', 'a..b', '-a.example', 'a_b.example', '*.', 'a.*.example', 'x'.repeat(254), 'api.example.com\n'])(
  '--domain %p is refused with one line', (name) => {
    expect(() => domainFlags([name])).toThrow(/^--domain: '.*' is not a domain name/s);
  });

describe('lbkit serve', () => {
  let example: ReturnType<typeof synthWebApi>;
  beforeAll(() => { example = synthWebApi(); });
  afterAll(() => rmSync(example.dir, { recursive: true, force: true }));
  afterEach(closeServed);

  // Shrunk counterexample of test/reliability/fuzz/cli-flags.test.ts: node-forge failed on the
  // certificate for it, and serve exited 1 with "Error: error:04800064:PEM routines::bad base64 decode".
  test('--domain Ā: one line, exit 2, before any certificate is issued', async () => {
    const { code, stderr } = await serveFails(example.cloudFormation, '--domain', 'Ā', '--port', '443=0', '--port', '80=0', '--ca-dir', join(example.dir, 'ca'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^lbkit: --domain: 'Ā' is not a domain name .*\n$/);
    expect(stderr.split('\n')).toHaveLength(2);
  });
});
