import { ListenerProtocol } from '../../../src/core/options/enums';
import { Engine, ENGINES } from '../../support/engines';
import { endpointOf, healthy, L4Harness, readModel, removeLocalCa, stateOf } from '../tcp/harness';

/**
 * Issue 13 item 1 on the NLB: AWS's NLB guide says the same as the ALB's ("Your target is not in
 * service until it passes one health check", Troubleshoot your Network Load Balancer), so one
 * passing TCP check makes a new target healthy. Timers ×30 (a cold process's first check within
 * the timeout, 10 s / 30).
 */
const options = () => ({ listeners: [{ name: 'game', port: 7777, protocol: ListenerProtocol.TCP }] });

afterAll(() => removeLocalCa());

describe.each(ENGINES)('%s', (engine: Engine) => {
  const h = new L4Harness();
  afterEach(() => h.close());

  test('1. a new NLB target is healthy after its first passing check, whatever the healthy threshold', async () => {
    const model = readModel(engine, options());
    const hc = model.targetGroups[0].healthCheck;
    expect(hc.protocol).toBe('TCP');
    expect(hc.healthyThreshold).toBeGreaterThan(1);
    const a = await h.tcpBackend('a');
    const p = await h.proxy(model, { game: [endpointOf(a)] }, 30);
    expect(stateOf(p, 'game')[a.address]).toBe('initial');
    await healthy(p, 'game');
    // The next check is one interval (scaled) after the first: only that one has reached the target.
    expect(a.connections).toBe(1);
    const later = await h.tcpBackend('b');
    p.register('game', endpointOf(later));
    await healthy(p, 'game', 2);
    expect(later.connections).toBe(1);
  });
});
