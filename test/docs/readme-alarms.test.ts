import { readFileSync } from 'fs';
import { join } from 'path';
import { ALARM_DEFAULTS, TARGET_LATENCY_BUDGET_SECONDS } from '../../src/core/defaults';

// The README's alarm table is written by hand from ALARM_DEFAULTS; this keeps the two in step.
const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Operations by default'), readme.indexOf('\n## ', readme.indexOf('## Operations by default') + 1));

/** The alarm table's rows, as cells: id, metric, statistic, threshold, datapoints, missing data, why. */
const rows = section.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split(' | ').map((c) => c.replace(/^\| /, '').trim()));
const SYMBOL: Record<string, string> = {
  GreaterThanThreshold: '>', GreaterThanOrEqualToThreshold: '>=', LessThanThreshold: '<', LessThanOrEqualToThreshold: '<=',
};

test('the README has an "Operations by default" section with one alarm row per ALARM_DEFAULTS entry', () => {
  expect(section.length).toBeGreaterThan(0);
  expect(rows.filter((r) => r.length === 7)).toHaveLength(Object.keys(ALARM_DEFAULTS).length);
});

test.each(Object.entries(ALARM_DEFAULTS))('the README row of %s states its metric, statistic, threshold, periods and missing data', (_, def) => {
  const row = rows.find((r) => r[1].startsWith(`\`${def.metricName}\``));
  expect(row).toBeDefined();
  const [, , statistic, threshold, datapoints, missing] = row!;
  expect(statistic).toBe(`\`${def.statistic}\``);
  expect(threshold.startsWith(`${SYMBOL[def.comparisonOperator]} `)).toBe(true);
  if (def.metricName !== ALARM_DEFAULTS.latency.metricName) expect(threshold).toBe(`${SYMBOL[def.comparisonOperator]} ${def.threshold}`);
  expect(datapoints).toBe(`${def.datapointsToAlarm} of ${def.evaluationPeriods}`);
  expect(missing).toBe(`\`${def.treatMissingData}\``);
});

test('the latency row gives every request profile\'s budget', () => {
  const row = rows.find((r) => r[1] === `\`${ALARM_DEFAULTS.latency.metricName}\``)!;
  for (const [profile, seconds] of Object.entries(TARGET_LATENCY_BUDGET_SECONDS)) expect(row[3]).toContain(`${seconds} s (${profile.toUpperCase()})`);
});
