import { createWriteStream, WriteStream } from 'fs';
import { AccessLogRecord } from './access-log-record';
import { formatAccessLogLine } from './alb-access-log';

export interface AccessLogWriter {
  /** Formats and writes one line. */
  write(record: AccessLogRecord): void;
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
  return {
    write: (record) => { stream.write(`${formatAccessLogLine(record)}\n`); },
    close: () => new Promise<void>((resolve, reject) => {
      if (!owned) return resolve();
      owned.once('error', reject);
      owned.end(() => resolve());
    }),
  };
}
