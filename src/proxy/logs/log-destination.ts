import { createWriteStream, WriteStream } from 'fs';

/** Where a log writer writes lines: a file (appending), stdout for `-`, or a given stream (tests). */
export interface LogDestination {
  readonly stream: NodeJS.WritableStream;
  /** Flushes and closes a file; leaves stdout and given streams open. */
  close(): Promise<void>;
}

export function logDestination(destination: string | NodeJS.WritableStream): LogDestination {
  let owned: WriteStream | undefined;
  let stream: NodeJS.WritableStream;
  if (destination === '-') {
    stream = process.stdout;
  } else if (typeof destination === 'string') {
    stream = owned = createWriteStream(destination, { flags: 'a' });
  } else {
    stream = destination;
  }
  return {
    stream,
    close: () => new Promise<void>((resolve, reject) => {
      if (!owned) return resolve();
      owned.once('error', reject);
      owned.end(() => resolve());
    }),
  };
}
