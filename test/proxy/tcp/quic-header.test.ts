import { quicServerIdOf, SERVER_ID_LENGTH, SERVER_ID_OFFSET_IN_DCID } from '../../../src/proxy/tcp/quic-header';

const ID = '0x0123456789abcdef';
const idBytes = Buffer.from(ID.slice(2), 'hex');

test('the layout assumed: the QUIC-LB draft’s config octet, then an 8-byte server ID', () => {
  expect([SERVER_ID_OFFSET_IN_DCID, SERVER_ID_LENGTH]).toEqual([1, 8]);
});

test('long header: the server ID from DCID bytes 1..8, whatever the DCID length (≥ 9)', () => {
  const long = (dcid: Buffer) => Buffer.concat([Buffer.from([0xc3, 0, 0, 0, 1, dcid.length]), dcid, Buffer.from([0, 0x44])]);
  expect(quicServerIdOf(long(Buffer.concat([Buffer.from([0x07]), idBytes])))).toBe(ID);
  expect(quicServerIdOf(long(Buffer.concat([Buffer.from([0x07]), idBytes, Buffer.alloc(11, 0xff)])))).toBe(ID);
  expect(quicServerIdOf(long(Buffer.alloc(8, 1)))).toBeUndefined(); // a client's 8-byte random DCID
  expect(quicServerIdOf(long(Buffer.alloc(0)))).toBeUndefined();
});

test('short header: the server ID from the bytes after the config octet', () => {
  expect(quicServerIdOf(Buffer.concat([Buffer.from([0x41, 0x00]), idBytes, Buffer.from('payload')]))).toBe(ID);
  expect(quicServerIdOf(Buffer.concat([Buffer.from([0x41, 0x00]), idBytes]))).toBe(ID);
  expect(quicServerIdOf(Buffer.concat([Buffer.from([0x41, 0x00]), idBytes.subarray(0, 7)]))).toBeUndefined();
});

test('nothing for empty, truncated or version negotiation datagrams', () => {
  expect(quicServerIdOf(Buffer.alloc(0))).toBeUndefined();
  expect(quicServerIdOf(Buffer.from([0xc0, 0, 0, 1]))).toBeUndefined();
  expect(quicServerIdOf(Buffer.from([0xc0, 0, 0, 0, 1]))).toBeUndefined();
  expect(quicServerIdOf(Buffer.concat([Buffer.from([0xc0, 0, 0, 0, 1, 20, 0]), idBytes]))).toBeUndefined(); // DCID cut short
  expect(quicServerIdOf(Buffer.concat([Buffer.from([0x80, 0, 0, 0, 0, 9, 0]), idBytes]))).toBeUndefined(); // version 0
});
