import { RingBuffer } from './ring-buffer';
import { AccessLogEntry } from '../../http/access-log-entry';
import { formatAccessLogLine } from '../../logs/alb-access-log';
import { accessLogRecord, LocalLoadBalancerIdentity } from '../../logs/from-entry';

/** Lines the status page lists: enough to see what just happened, few enough to send every second. */
export const RECENT_ACCESS_LOG_LINES = 50;

/**
 * The last access-log lines of an application load balancer, exactly as `--access-log` writes
 * them (the same record and formatter). Entries are kept as given and formatted only when read:
 * recording costs a slot, not a line per request, and reads are at most one a second per page.
 */
export class RecentAccessLog {
  private readonly entries: RingBuffer<AccessLogEntry>;

  public constructor(private readonly lb: LocalLoadBalancerIdentity, capacity: number = RECENT_ACCESS_LOG_LINES) {
    this.entries = new RingBuffer(capacity);
  }

  /** The proxy's `accessLog` callback (or one of them: see {@link teeAccessLog}). */
  public readonly record = (entry: AccessLogEntry): void => {
    this.entries.push(entry);
  };

  /** Oldest first. */
  public lines(): string[] {
    return this.entries.items().map((e) => formatAccessLogLine(accessLogRecord(e, this.lb)));
  }
}

type AccessLogCallback = (entry: AccessLogEntry) => void;

/** One `accessLog` callback calling each given one (the writer of `--access-log`, the status page's lines), or none. */
export function teeAccessLog(...callbacks: ReadonlyArray<AccessLogCallback | undefined>): AccessLogCallback | undefined {
  const given = callbacks.filter((c): c is AccessLogCallback => c !== undefined);
  if (given.length <= 1) return given[0];
  return (entry) => { for (const c of given) c(entry); };
}
