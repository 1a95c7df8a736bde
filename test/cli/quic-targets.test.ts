import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { synthGameServer } from './support';
import { checkQuicServerIds, CliError, parseTargetFlag, targetMapping } from '../../src/cli';
import { lbkitProcess } from '../support/compiled';

/** Issue 18: the QUIC server IDs of `--target` and `--targets`, checked against the model's target groups. */
const FORMAT = 'host:port/0x<16 lowercase hex digits>, e.g. 127.0.0.1:4433/0x0123456789abcdef';
const A_ID = '0x0123456789abcdef';
const B_ID = '0xfedcba9876543210';
const groups = [{ name: 'game', protocol: 'QUIC' }, { name: 'both', protocol: 'TCP_QUIC' }, { name: 'voice', protocol: 'UDP' }];

test('--target host:port/0x… gives the endpoint its server ID; a malformed one is a CliError naming route, endpoint and format', () => {
  expect(parseTargetFlag(`game=127.0.0.1:4433/${A_ID},[::1]:4434/${B_ID}`)).toEqual({
    route: 'game',
    endpoints: [{ host: '127.0.0.1', port: 4433, quicServerId: A_ID }, { host: '::1', port: 4434, quicServerId: B_ID }],
  });
  for (const bad of ['0x0123', '0x0123456789ABCDEF', '0123456789abcdef00', '0x0123456789abcdeg', '']) {
    expect(() => parseTargetFlag(`game=127.0.0.1:4433/${bad}`)).toThrow(new CliError(`--target game: 127.0.0.1:4433: '${bad}' is not a QUIC server ID (expected ${FORMAT})`));
  }
});

test('--targets file: "host:port/0x…" or { host, port, quicServerId }; a non-string server ID is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-quic-map-'));
  try {
    const file = join(dir, 'targets.json');
    writeFileSync(file, JSON.stringify({ game: [`127.0.0.1:4433/${A_ID}`, { host: '127.0.0.1', port: 4434, quicServerId: B_ID }] }));
    expect(targetMapping([], file)).toEqual({
      game: [{ host: '127.0.0.1', port: 4433, quicServerId: A_ID }, { host: '127.0.0.1', port: 4434, quicServerId: B_ID }],
    });
    writeFileSync(file, JSON.stringify({ game: [{ host: '127.0.0.1', port: 4434, quicServerId: 12 }] }));
    expect(() => targetMapping([], file)).toThrow(`${file}: game: 127.0.0.1:4434: '12' is not a QUIC server ID (expected ${FORMAT})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a QUIC or TCP_QUIC route needs one server ID per target, each its own; other routes take none', () => {
  const check = (flags: string[]) => () => checkQuicServerIds(groups, targetMapping(flags));
  expect(check([`game=127.0.0.1:1/${A_ID},127.0.0.1:2/${B_ID}`, `both=127.0.0.1:3/${A_ID}`, 'voice=127.0.0.1:4'])).not.toThrow();
  expect(check([`game=127.0.0.1:1/${A_ID},127.0.0.1:2`])).toThrow(
    new CliError(`--target game: 127.0.0.1:2: a QUIC target needs its QUIC server ID (${FORMAT})`));
  expect(check(['both=127.0.0.1:3'])).toThrow(`--target both: 127.0.0.1:3: a TCP_QUIC target needs its QUIC server ID (${FORMAT})`);
  expect(check([`game=127.0.0.1:1/${A_ID}`, `game=127.0.0.1:2/${A_ID}`])).toThrow(
    `--target game: 127.0.0.1:2/${A_ID}: server ID ${A_ID} is already 127.0.0.1:1's; each target of a listener needs its own (${FORMAT})`);
  expect(check([`game=127.0.0.1:1/${A_ID}`, `game=127.0.0.1:1/${B_ID}`])).toThrow(
    `--target game: 127.0.0.1:1/${B_ID}: 127.0.0.1:1 is already a target with server ID ${A_ID}; one target has one server ID`);
  // The same target given twice is one target.
  expect(check([`game=127.0.0.1:1/${A_ID}`, `game=127.0.0.1:1/${A_ID}`])).not.toThrow();
  expect(check([`voice=127.0.0.1:4/${A_ID}`])).toThrow(
    `--target voice: 127.0.0.1:4/${A_ID}: a QUIC server ID is only for QUIC and TCP_QUIC target groups (this one is UDP); give host:port`);
});

test('lbkit serve: a server ID on a UDP route is one line on stderr, exit 2', async () => {
  const { cloudFormation } = synthGameServer();
  const r = await lbkitProcess('serve', cloudFormation, '--target', `voice=127.0.0.1:4433/${A_ID}`);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`lbkit: --target voice: 127.0.0.1:4433/${A_ID}: a QUIC server ID is only for QUIC and TCP_QUIC target groups (this one is UDP); give host:port\n`);
}, 60_000);
