import pino, { Logger } from 'pino';

/** How the proxy's own log is written: one readable line per event, or pino's JSON lines for machines. */
export type LogFormat = 'human' | 'json';
export const LOG_FORMATS: readonly LogFormat[] = ['human', 'json'];

/** The word before a line of each pino level (info lines are the events themselves and get none). */
const LEVEL_PREFIX: Record<number, string> = { 10: 'trace: ', 20: 'debug: ', 30: '', 40: 'warning: ', 50: 'error: ', 60: 'fatal: ' };
/** pino's own fields and the ones a line shows elsewhere (the level as its prefix, the worker in front). */
const NOT_DETAILS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'worker']);
/** Field names as words. */
const LABELS: Record<string, string> = {
  targetGroup: 'target group',
  ruleGroups: 'rule groups',
  webAclArn: 'web ACL',
  recordName: 'record',
  clientRegion: 'client region',
  healthChecks: 'health checks',
  localPort: 'local port',
  err: 'error',
};

function text(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (value && typeof value === 'object') {
    const message = (value as { message?: unknown }).message; // pino's serialized Error
    return typeof message === 'string' ? message : JSON.stringify(value);
  }
  return String(value);
}

/**
 * One pino record as a line a person reads: `warning: ` / `error: ` before warnings and errors,
 * `worker <pid>: ` for a cluster worker's, then the message and, in parentheses, the fields
 * whose values the message does not already say (`target 127.0.0.1:3001 in web: healthy →
 * unhealthy (reason: Target.FailedHealthChecks)`).
 */
export function humanLine(record: Readonly<Record<string, unknown>>): string {
  const msg = typeof record.msg === 'string' ? record.msg : '';
  const level = typeof record.level === 'number' ? record.level : 30;
  const details = Object.entries(record)
    .filter(([key, value]) => !NOT_DETAILS.has(key) && value !== undefined && value !== null && text(value) !== '' && !msg.includes(text(value)))
    .map(([key, value]) => `${LABELS[key] ?? key}: ${text(value)}`);
  const worker = record.worker !== undefined ? `worker ${text(record.worker)}: ` : '';
  const prefix = LEVEL_PREFIX[level] ?? `level ${level}: `;
  return `${prefix}${worker}${msg}${details.length ? ` (${details.join('; ')})` : ''}\n`;
}

export interface LoggerOptions {
  /** pino level: fatal, error, warn, info, debug, trace. */
  readonly level: string;
  readonly format: LogFormat;
  /** Receives each finished line (a JSON line, or a {@link humanLine}). */
  readonly write: (line: string) => void;
  /** Fields on every record (a cluster worker's pid). */
  readonly base?: Record<string, unknown>;
}

/**
 * The logger `lbkit serve` and its cluster workers use: pino, writing either its JSON lines or
 * readable ones through `write`. A small destination rather than pino-pretty: the lines are the
 * message in plain words (not pino-pretty's timestamped key dump), and no runtime dependency is added.
 */
export function createLogger(options: LoggerOptions): Logger {
  const write = options.format === 'json'
    ? options.write
    : (line: string) => options.write(humanLine(JSON.parse(line) as Record<string, unknown>));
  return pino({ level: options.level, base: options.base ?? undefined }, { write });
}
