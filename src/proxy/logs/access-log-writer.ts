import { AccessLogRecord } from './access-log-record';
import { formatAccessLogLine } from './alb-access-log';
import { accessLogRecord, LocalLoadBalancerIdentity } from './from-entry';
import { logDestination } from './log-destination';
import { AccessLogEntry } from '../http/access-log-entry';

export interface AccessLogWriter {
  /** Formats and writes one line. */
  write(record: AccessLogRecord): void;
  /** The `accessLog` callback of `startProxy`: formats a data-plane entry for this load balancer. */
  forProxy(lb: LocalLoadBalancerIdentity): (entry: AccessLogEntry) => void;
  /** Flushes and closes a file; leaves stdout open. */
  close(): Promise<void>;
}

/**
 * Writes ALB access-log lines to a file (appending) or, for `-`, to stdout.
 * A stream can be given instead, for tests.
 */
export function accessLogWriter(destination: string | NodeJS.WritableStream): AccessLogWriter {
  const out = logDestination(destination);
  const write = (record: AccessLogRecord): void => { out.stream.write(`${formatAccessLogLine(record)}\n`); };
  return {
    write,
    forProxy: (lb) => (entry) => write(accessLogRecord(entry, lb)),
    close: () => out.close(),
  };
}
