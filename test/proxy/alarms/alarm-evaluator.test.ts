import { AlarmModel, MetricScopeModel } from '../../../src/core/model/monitoring-model';
import { AlarmTransition } from '../../../src/proxy/admin/alarm-status';
import { AlarmEvaluator } from '../../../src/proxy/alarms/alarm-evaluator';
import { Reading } from '../../../src/proxy/alarms/readings';

const TG: MetricScopeModel = { kind: 'target-group', targetGroup: 'orders' };

function metricAlarm(over: Partial<AlarmModel> & { metricName: string; statistic: string }): AlarmModel {
  const { metricName, statistic, ...rest } = over;
  return {
    id: 'test',
    description: 'd',
    source: { kind: 'metric', metric: { namespace: 'AWS/ApplicationELB', metricName, scope: TG, statistic, periodSeconds: 60 } },
    comparisonOperator: 'GreaterThanThreshold',
    threshold: 0,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    treatMissingData: 'notBreaching',
    actions: [],
    ...rest,
  } as AlarmModel;
}

/** A fake proxy: readings set by the test, a clock moved by the test. */
function fake(alarms: AlarmModel[], initial: Record<string, Reading>) {
  const readings = new Map<string, Reading>(Object.entries(initial));
  let clock = Date.parse('2026-12-04T09:00:00Z');
  const lines: string[] = [];
  const transitions: AlarmTransition[] = [];
  const evaluator = new AlarmEvaluator({
    alarms,
    source: (name) => readings.get(name),
    timeScale: 1,
    now: () => clock,
    onTransition: (t, line) => { transitions.push(t); lines.push(line); },
  });
  return {
    evaluator,
    lines,
    transitions,
    set: (name: string, r: Reading) => readings.set(name, r),
    /** One period: the gauge sampled at each value, then the period closed (a minute later). */
    period: (fn?: () => void) => { fn?.(); evaluator.sample(); clock += 60_000; evaluator.closePeriod(); },
    state: () => evaluator.status().alarms[0].state,
  };
}

const gauge = (value: number): Reading => ({ kind: 'gauge', value });
const counter = (total: number): Reading => ({ kind: 'counter', total });

describe('AlarmEvaluator', () => {
  test('starts in INSUFFICIENT_DATA; a gauge Maximum over the threshold alarms, and recovers; one line per transition', () => {
    const f = fake([metricAlarm({ id: 'unhealthy-hosts:orders', metricName: 'UnHealthyHostCount', statistic: 'Maximum' })], { UnHealthyHostCount: gauge(0) });
    expect(f.state()).toBe('INSUFFICIENT_DATA');
    f.period();
    expect(f.state()).toBe('OK');
    // A spike within the period: seen by Maximum although the gauge is back to 0 at the period's end.
    f.period(() => { f.set('UnHealthyHostCount', gauge(1)); f.evaluator.sample(); f.set('UnHealthyHostCount', gauge(0)); });
    expect(f.state()).toBe('ALARM');
    f.period();
    expect(f.state()).toBe('OK');
    expect(f.lines).toEqual([
      'lbkit: alarm unhealthy-hosts:orders INSUFFICIENT_DATA -> OK (UnHealthyHostCount Maximum 0, > 0 in 0 of 1 period, 1 needed)',
      'lbkit: alarm unhealthy-hosts:orders OK -> ALARM (UnHealthyHostCount Maximum 1 > 0 for 1 of 1 period)',
      'lbkit: alarm unhealthy-hosts:orders ALARM -> OK (UnHealthyHostCount Maximum 0, > 0 in 0 of 1 period, 1 needed)',
    ]);
    expect(f.transitions[1]).toMatchObject({ id: 'unhealthy-hosts:orders', from: 'OK', to: 'ALARM', value: 1 });
    const status = f.evaluator.status();
    expect(status.alarms[0]).toMatchObject({ id: 'unhealthy-hosts:orders', watches: 'UnHealthyHostCount Maximum > 0 (orders)', state: 'OK', value: 0 });
    expect(status.transitions).toHaveLength(3);
  });

  test('M of N: 2 of 3 breaching periods alarm, 1 of 3 does not', () => {
    const f = fake([metricAlarm({ metricName: 'HTTPCode_ELB_5XX_Count', statistic: 'Sum', evaluationPeriods: 3, datapointsToAlarm: 2 })], { HTTPCode_ELB_5XX_Count: counter(0) });
    let total = 0;
    const add = (n: number) => () => { total += n; f.set('HTTPCode_ELB_5XX_Count', counter(total)); };
    f.period(add(3));
    expect(f.state()).toBe('OK');
    f.period(add(0));
    expect(f.state()).toBe('OK');
    f.period(add(1));
    expect(f.state()).toBe('ALARM');
    f.period(add(0));
    f.period(add(0));
    expect(f.state()).toBe('OK');
  });

  test('a counter Sum is its increase over the period; no increase is no datapoint', () => {
    const f = fake([metricAlarm({ metricName: 'RequestCount', statistic: 'Sum', threshold: 4, treatMissingData: 'missing' })], { RequestCount: counter(10) });
    f.period(() => f.set('RequestCount', counter(15)));
    expect(f.evaluator.status().alarms[0]).toMatchObject({ state: 'ALARM', value: 5 });
    f.period();
    expect(f.state()).toBe('INSUFFICIENT_DATA');
    expect(f.lines[1]).toBe('lbkit: alarm test ALARM -> INSUFFICIENT_DATA (RequestCount Sum: no datapoint in the last 1 period)');
  });

  test.each([
    ['breaching', 'ALARM'],
    ['notBreaching', 'OK'],
    ['missing', 'INSUFFICIENT_DATA'],
    ['ignore', 'INSUFFICIENT_DATA'],
  ] as const)('missing data treated as %s -> %s (all periods missing)', (treatMissingData, expected) => {
    const f = fake([metricAlarm({ metricName: 'RequestCount', statistic: 'Sum', treatMissingData, evaluationPeriods: 2, datapointsToAlarm: 2 })], { RequestCount: counter(0) });
    f.period();
    f.period();
    expect(f.state()).toBe(expected);
  });

  test('ignore keeps the state when every datapoint is missing', () => {
    const f = fake([metricAlarm({ metricName: 'RequestCount', statistic: 'Sum', treatMissingData: 'ignore' })], { RequestCount: counter(0) });
    f.period(() => f.set('RequestCount', counter(2)));
    expect(f.state()).toBe('ALARM');
    f.period();
    f.period();
    expect(f.state()).toBe('ALARM');
  });

  test('breaching missing data fills the evaluation range: 1 present breaching + 1 missing is 2 of 2', () => {
    const f = fake([metricAlarm({
      metricName: 'HealthyHostCount',
      statistic: 'Minimum',
      comparisonOperator: 'LessThanThreshold',
      threshold: 1,
      treatMissingData: 'breaching',
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
    })], { HealthyHostCount: gauge(0) });
    f.period();
    expect(f.state()).toBe('ALARM');
    f.set('HealthyHostCount', gauge(2));
    f.period();
    expect(f.state()).toBe('OK');
  });

  test('p99 from the histogram delta, interpolated within the bucket', () => {
    const h = (fast: number, slow: number): Reading => ({
      kind: 'histogram',
      count: fast + slow,
      sum: fast * 0.01 + slow * 1.2,
      buckets: [{ le: 0.05, count: fast }, { le: 1, count: fast }, { le: 1.5, count: fast + slow }],
    });
    const f = fake([metricAlarm({ id: 'latency:orders', metricName: 'TargetResponseTime', statistic: 'p99', threshold: 1 })], { TargetResponseTime: h(100, 0) });
    f.period(() => f.set('TargetResponseTime', h(199, 1)));
    // 99 fast, 1 slow in the period: rank 0.99 x 100 = 99 falls in the first bucket.
    expect(f.evaluator.status().alarms[0].value).toBeCloseTo(0.05, 5);
    expect(f.state()).toBe('OK');
    // 90 fast, 10 slow: rank 99 is the 9th of the 10 in (1, 1.5]: 1 + 0.5 x 9/10.
    f.period(() => f.set('TargetResponseTime', h(289, 11)));
    expect(f.evaluator.status().alarms[0].value).toBeCloseTo(1.45, 5);
    expect(f.state()).toBe('ALARM');
    expect(f.lines[1]).toBe('lbkit: alarm latency:orders OK -> ALARM (TargetResponseTime p99 1.45 > 1 for 1 of 1 period)');
    // No request in the period: no datapoint, notBreaching -> OK.
    f.period();
    expect(f.state()).toBe('OK');
  });

  test('metric math 100 * FILL(errors, 0) / requests', () => {
    const alarm: AlarmModel = {
      ...metricAlarm({ id: 'target-5xx-rate:orders', metricName: 'x', statistic: 'Sum', threshold: 5 }),
      source: {
        kind: 'math',
        expression: '100 * FILL(errors, 0) / requests',
        label: 'Target 5XX rate (%)',
        periodSeconds: 60,
        metrics: [
          { id: 'errors', metric: { namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_Target_5XX_Count', scope: TG, statistic: 'Sum', periodSeconds: 60 } },
          { id: 'requests', metric: { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', scope: TG, statistic: 'Sum', periodSeconds: 60 } },
        ],
      },
    };
    const f = fake([alarm], { HTTPCode_Target_5XX_Count: counter(0), RequestCount: counter(0) });
    // Requests and no 5XX: FILL makes it 0 %.
    f.period(() => f.set('RequestCount', counter(20)));
    expect(f.evaluator.status().alarms[0]).toMatchObject({ state: 'OK', value: 0 });
    f.period(() => { f.set('RequestCount', counter(40)); f.set('HTTPCode_Target_5XX_Count', counter(2)); });
    expect(f.evaluator.status().alarms[0]).toMatchObject({ state: 'ALARM', value: 10 });
    expect(f.lines[1]).toBe('lbkit: alarm target-5xx-rate:orders OK -> ALARM (Target 5XX rate (%) 10 > 5 for 1 of 1 period)');
  });

  test('refuses an unsupported expression, statistic or metric at construction, naming the alarm', () => {
    const base = metricAlarm({ id: 'custom', metricName: 'RequestCount', statistic: 'Sum' });
    const src = (name: string): Reading | undefined => (name === 'RequestCount' ? counter(0) : undefined);
    const math = (expression: string): AlarmModel => ({
      ...base,
      source: {
        kind: 'math',
        expression,
        label: 'x',
        periodSeconds: 60,
        metrics: [{ id: 'requests', metric: { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', scope: TG, statistic: 'Sum', periodSeconds: 60 } }],
      },
    });
    const make = (a: AlarmModel) => () => new AlarmEvaluator({ alarms: [a], source: src, timeScale: 1 });
    expect(make(math('RATE(requests)'))).toThrow(/^alarm custom: metric math "RATE\(requests\)": function RATE is not supported/);
    expect(make(math('requests + other'))).toThrow(/unknown metric id other/);
    expect(make(math('requests +'))).toThrow(/ends too early/);
    expect(make(math('SUM(METRICS())'))).toThrow(/function SUM is not supported/);
    expect(make(metricAlarm({ id: 'custom', metricName: 'RequestCount', statistic: 'Maximum' }))).toThrow(/alarm custom: statistic Maximum of RequestCount is not supported/);
    expect(make(metricAlarm({ id: 'custom', metricName: 'ConsumedLCUs', statistic: 'Sum' }))).toThrow(/alarm custom: the proxy has no AWS\/ApplicationELB ConsumedLCUs for the target group orders/);
    expect(make(math('(2 + requests) * -1 / 4'))).not.toThrow();
  });

  test('keeps the last 100 transitions', () => {
    const f = fake([metricAlarm({ metricName: 'UnHealthyHostCount', statistic: 'Maximum' })], { UnHealthyHostCount: gauge(0) });
    for (let i = 0; i < 120; i++) f.period(() => f.set('UnHealthyHostCount', gauge(i % 2)));
    const { transitions } = f.evaluator.status();
    expect(transitions).toHaveLength(100);
    expect(f.transitions).toHaveLength(120);
    expect(transitions[99]).toEqual(f.transitions[119]);
  });
});
