import { formatConnectionLogLine } from './alb-connection-log';
import { ConnectionLogRecord, connectionLogRecord } from './connection-log-record';
import { LocalLoadBalancerIdentity } from './from-entry';
import { logDestination } from './log-destination';
import { ConnectionLogEntry } from '../http/connection-log-entry';

export interface ConnectionLogWriter {
  /** Formats and writes one line. */
  write(record: ConnectionLogRecord): void;
  /** The `connectionLog` callback of `startProxy`: formats a data-plane entry for this load balancer. */
  forProxy(lb: LocalLoadBalancerIdentity): (entry: ConnectionLogEntry) => void;
  /** Flushes and closes a file; leaves stdout open. */
  close(): Promise<void>;
}

/** Writes ALB connection-log lines to a file (appending) or, for `-`, to stdout; a stream can be given instead, for tests. */
export function connectionLogWriter(destination: string | NodeJS.WritableStream): ConnectionLogWriter {
  const out = logDestination(destination);
  const write = (record: ConnectionLogRecord): void => { out.stream.write(`${formatConnectionLogLine(record)}\n`); };
  return {
    write,
    forProxy: (lb) => (entry) => write(connectionLogRecord(entry, lb)),
    close: () => out.close(),
  };
}
