import { createWriteStream, WriteStream } from 'fs';
import { AccessLogRecord } from './access-log-record';
import { formatAccessLogLine } from './alb-access-log';
import { accessLogRecord, LocalLoadBalancerIdentity } from './from-entry';
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
  let stream: NodeJS.WritableStream;
  let owned: WriteStream | undefined;
  if (destination === '-') {
    stream = process.stdout;
  } else if (typeof destination === 'string') {
    owned = createWriteStream(destination, { flags: 'a' });
    stream = owned;
  } else {
    stream = destination;
  }
  const write = (record: AccessLogRecord): void => { stream.write(`${formatAccessLogLine(record)}\n`); };
  return {
    write,
    forProxy: (lb) => (entry) => write(accessLogRecord(entry, lb)),
    close: () => new Promise<void>((resolve, reject) => {
      if (!owned) return resolve();
      owned.once('error', reject);
      owned.end(() => resolve());
    }),
  };
}
