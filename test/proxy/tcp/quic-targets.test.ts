import { L4Harness, readModel, removeLocalCa } from './harness';
import { quicModel, quicServer } from './quic-support';
import { ListenerProtocol } from '../../../src/core/options/enums';
import { startAdminServer } from '../../../src/proxy/admin';
import { CLOUDFORMATION } from '../../support/engines';

/** Issue 18: QUIC targets and their server IDs, in the proxy and its admin API. */
const A_ID = '0x00000000000000aa';
const B_ID = '0x00000000000000bb';

const h = new L4Harness();
afterEach(() => h.close());
afterAll(() => removeLocalCa());

test('the proxy refuses a QUIC target without a server ID, with a malformed or a taken one, and a server ID on a TCP target', async () => {
  const quic = quicModel('QUIC');
  const a = { host: '127.0.0.1', port: 4001, quicServerId: A_ID };
  await expect(h.proxy(quic, { game: [{ host: '127.0.0.1', port: 4001 }] })).rejects.toThrow(
    'target group game: 127.0.0.1:4001: a QUIC target needs its QUIC server ID (host:port/0x<16 lowercase hex digits>, e.g. 127.0.0.1:4433/0x0123456789abcdef)');
  await expect(h.proxy(quic, { game: [{ ...a, quicServerId: '0x00000000000000AA' }] })).rejects.toThrow(
    'target group game: 127.0.0.1:4001/0x00000000000000AA: not a QUIC server ID');
  await expect(h.proxy(quic, { game: [a, { host: '127.0.0.1', port: 4002, quicServerId: A_ID }] })).rejects.toThrow(
    `target group game: 127.0.0.1:4002/${A_ID}: server ID ${A_ID} is already 127.0.0.1:4001's; each target of a listener needs its own`);
  const tcp = readModel(CLOUDFORMATION, { listeners: [{ name: 'game', port: 4433, protocol: ListenerProtocol.TCP }] });
  await expect(h.proxy(tcp, { game: [a] })).rejects.toThrow(
    `target group game: 127.0.0.1:4001/${A_ID}: a QUIC server ID is only for QUIC and TCP_QUIC target groups (this one is TCP); give host:port`);
});

test('the admin API lists each target’s server ID and registers QUIC targets with theirs (host:port/0x…, URL-encoded)', async () => {
  const a = await quicServer(h, 'A', A_ID);
  const b = await quicServer(h, 'B', B_ID);
  const p = await h.proxy(quicModel('QUIC'), { game: [a.endpoint] });
  const admin = await startAdminServer({ handle: p });
  h.onClose(() => admin.close());
  const register = (id: string) => fetch(`${admin.url}/targets/game/${encodeURIComponent(id)}/register`, { method: 'POST' });
  const bId = `127.0.0.1:${b.endpoint.port}`;
  let res = await register(bId);
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: string }).error).toBe(`target group game: ${bId}: a QUIC target needs its QUIC server ID (host:port/0x<16 lowercase hex digits>, e.g. 127.0.0.1:4433/0x0123456789abcdef)`);
  res = await register(`${bId}/${A_ID}`);
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: string }).error).toMatch(/server ID 0x00000000000000aa is already 127\.0\.0\.1:\d+'s/);
  res = await register(`${bId}/${B_ID}`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ targetGroup: 'game', target: bId, state: 'initial' });
  const listed = await (await fetch(`${admin.url}/targets`)).json() as Array<{ targetGroup: string; targets: unknown[] }>;
  expect(listed).toMatchObject([{
    targetGroup: 'game',
    targets: [
      { id: `127.0.0.1:${a.endpoint.port}`, state: expect.any(String), quicServerId: A_ID },
      { id: bId, state: expect.any(String), quicServerId: B_ID },
    ],
  }]);
});
