import { HealthStateMachine } from '../../../src/proxy/targets/health-state';

/** The state machine alone (healthy threshold 3, unhealthy threshold 2): which checks move a target, and where. */
const machine = () => new HealthStateMachine(3, 2);
const run = (m: HealthStateMachine, checks: string) => [...checks].map((c) => (m.record(c === '+', 'Target.Timeout'), m.state));

test('a new target is healthy after one passing check (AWS: it must pass one health check)', () => {
  const m = machine();
  expect([m.state, m.reason]).toEqual(['initial', 'Elb.InitialHealthChecking']);
  expect(m.record(true)).toBe(true);
  expect([m.state, m.reason]).toEqual(['healthy', undefined]);
});

test('initial: failures below the unhealthy threshold keep it initial; one pass then makes it healthy', () => {
  const m = machine();
  expect(run(m, '-')).toEqual(['initial']);
  expect(m.reason).toBe('Elb.InitialHealthChecking');
  expect(run(m, '+')).toEqual(['healthy']);
});

test('initial: the unhealthy threshold of failures makes it unhealthy; back from there takes the healthy threshold of passes', () => {
  const m = machine();
  expect(run(m, '--')).toEqual(['initial', 'unhealthy']);
  expect(m.reason).toBe('Target.Timeout');
  expect(run(m, '++-+++')).toEqual(['unhealthy', 'unhealthy', 'unhealthy', 'unhealthy', 'unhealthy', 'healthy']);
});

test('healthy → unhealthy → healthy again counts the healthy threshold; a single failure in between resets the passes', () => {
  const m = machine();
  expect(run(m, '+--')).toEqual(['healthy', 'healthy', 'unhealthy']);
  expect(run(m, '+++')).toEqual(['unhealthy', 'unhealthy', 'healthy']);
  expect(run(m, '-+')).toEqual(['healthy', 'healthy']);
});

test('a state adopted from elsewhere (a cluster worker) follows the same rule afterwards', () => {
  const m = machine();
  m.adopt('unhealthy', 'Target.FailedHealthChecks');
  expect(run(m, '++')).toEqual(['unhealthy', 'unhealthy']);
  m.adopt('initial', 'Elb.InitialHealthChecking');
  expect(run(m, '+')).toEqual(['healthy']);
});
