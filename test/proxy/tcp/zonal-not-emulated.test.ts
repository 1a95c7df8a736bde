import { Writable } from 'stream';
import pino from 'pino';
import { L4Harness, readModel, removeLocalCa } from './harness';
import { DnsClientRoutingPolicy, ListenerProtocol } from '../../../src/core/options/enums';
import { Engine, ENGINES, TcpEngineOptions } from '../../support/engines';

/**
 * The local proxy has no Availability Zones: zonal shift and a DNS client routing policy are logged
 * once at start as not emulated, and only when the output sets them (AWS's defaults log nothing).
 */
const TCP: TcpEngineOptions = { listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP, preserveClientIp: false }] };

afterAll(removeLocalCa);

describe.each(ENGINES)('%s', (engine: Engine) => {
  const h = new L4Harness();
  afterEach(() => h.close());

  const startLogged = async (options: TcpEngineOptions): Promise<string[]> => {
    const lines: string[] = [];
    const logger = pino(new Writable({ write(chunk, _enc, cb) { lines.push(chunk.toString()); cb(); } }));
    await h.proxy(readModel(engine, options), { db: [] }, 100, { logger });
    return lines.filter((l) => l.includes('not emulated')).map((l) => JSON.parse(l).msg);
  };

  test('zonal shift and an AZ-affinity policy: one line each', async () => {
    const zonal = { crossZone: false, zonalShift: true, dnsClientRoutingPolicy: DnsClientRoutingPolicy.PARTIAL_AVAILABILITY_ZONE_AFFINITY };
    expect(await startLogged({ ...TCP, ...zonal })).toEqual([
      'zonal shift is not emulated: the local load balancer has no Availability Zones',
      'DNS client routing policy partial_availability_zone_affinity is not emulated: the local load balancer has one address and no Availability Zones',
    ]);
  });

  test('AWS\'s defaults (zonal shift off, any_availability_zone): nothing logged', async () => {
    expect(await startLogged({ ...TCP, dnsClientRoutingPolicy: DnsClientRoutingPolicy.ANY_AVAILABILITY_ZONE })).toEqual([]);
  });
});
