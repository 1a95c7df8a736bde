import * as fc from 'fast-check';
import { MonitoringOptions } from '../../src/core/options/monitoring-options';

/** An SNS topic's ARN, the usual alarm action. */
export const topicArn = (n: number) => `arn:aws:sns:us-east-1:123456789012:topic-${n}`;

/**
 * Monitoring options of either load balancer, for the property tests: alarms and the dashboard on
 * (by default or explicitly) or off, and 0-5 distinct alarm actions, given only while alarms are on
 * (actions on alarms that are off are refused).
 */
export const monitoringOptionsArb: fc.Arbitrary<MonitoringOptions> = fc.record({
  alarms: fc.option(fc.boolean(), { nil: undefined }),
  alarmActions: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { maxLength: 5 }).map((ns) => ns.map(topicArn)),
  dashboard: fc.option(fc.boolean(), { nil: undefined }),
}).map(({ alarms, alarmActions, dashboard }) => ({
  ...(alarms !== undefined ? { alarms } : {}),
  ...(alarms !== false && alarmActions.length > 0 ? { alarmActions } : {}),
  ...(dashboard !== undefined ? { dashboard } : {}),
}));
