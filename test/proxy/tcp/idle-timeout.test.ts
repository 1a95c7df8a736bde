import { endpointOf, L4Harness, lineClient, localPort, metricsOf, readModel, removeLocalCa, sleep, until, withTimeout, optionsFor, planesByEngine } from './harness';
import { ListenerProtocol } from '../../../src/core/options/enums';
import { Engine, ENGINES } from '../../support/engines';
import { Plane } from '../../support/planes';

/**
 * Each TCP listener closes flows idle past its own idle timeout (`tcp.idle_timeout.seconds` in the
 * model), not AWS's default 350 s, over both engines' output. Time scale 250: 60 s → 240 ms,
 * 350 s → 1.4 s, 1200 s → 4.8 s.
 */
const OPTIONS = {
  listeners: [
    { name: 'short', port: 7001, protocol: ListenerProtocol.TCP, idleTimeoutSeconds: 60 },
    { name: 'long', port: 7002, protocol: ListenerProtocol.TCP, idleTimeoutSeconds: 1200 },
  ],
};
const TIME_SCALE = 250;

afterAll(removeLocalCa);

describe.each(planesByEngine(ENGINES))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const model = readModel(engine, optionsFor(plane, OPTIONS));
  const h = new L4Harness(plane);
  afterEach(() => h.close());

  test('the model carries each listener\'s idle timeout', () => {
    expect(model.listeners.map((l) => [l.name, l.idleTimeoutSeconds])).toEqual([['short', 60], ['long', 1200]]);
  });

  test('a flow idle past its listener\'s timeout (60 s → 240 ms) is reset, long before AWS\'s default 350 s (1.4 s)', async () => {
    const a = await h.tcpBackend('a');
    const p = await h.proxy(model, { short: [endpointOf(a)] }, TIME_SCALE);
    const open = await lineClient(h, localPort(p, 7001));
    expect(await open.ask('1')).toBe('a 1');
    const quiet = Date.now();
    // HAProxy closes an idle flow with a FIN (its client/server/tunnel timeouts); AWS and the node plane reset it.
    expect(await withTimeout(open.closed, 'idle timeout')).toEqual({ reset: plane === 'node' });
    const idle = Date.now() - quiet;
    expect(idle).toBeGreaterThanOrEqual(220);
    expect(idle).toBeLessThan(1300);
    await until(() => metricsOf(p, 'short').activeFlows === 0, 'flow gone');
  });

  test('a flow idle below its listener\'s timeout (1200 s → 4.8 s) stays open past AWS\'s default 350 s (1.4 s)', async () => {
    const a = await h.tcpBackend('a');
    const p = await h.proxy(model, { long: [endpointOf(a)] }, TIME_SCALE);
    const open = await lineClient(h, localPort(p, 7002));
    let closed = false;
    void open.closed.then(() => { closed = true; });
    expect(await open.ask('1')).toBe('a 1');
    await sleep(2000);
    expect(closed).toBe(false);
    expect(await open.ask('2')).toBe('a 2');
    expect(metricsOf(p, 'long').activeFlows).toBe(1);
  });
});
