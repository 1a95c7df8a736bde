import { IncomingMessage, ServerResponse } from 'http';
import { isLoopbackHost } from './loopback-host';
import { STATUS_PAGE_CSP, STATUS_PAGE_HTML } from './status-page-html';
import { statusSnapshot, StatusSources } from './status-snapshot';
import { TRAFFIC_SAMPLE_MS, TrafficHistory } from './traffic-history';
import { TargetGroupMetrics } from '../../http/metrics';
import { NetworkTargetGroupMetrics } from '../../tcp/network-metrics';

const PATHS: readonly string[] = ['/', '/status', '/events'];

export interface StatusPageOptions extends StatusSources {
  /** The proxy's per-target-group counters, sampled for the traffic graphs. */
  readonly metrics: () => ReadonlyArray<TargetGroupMetrics | NetworkTargetGroupMetrics>;
  /** @default TRAFFIC_SAMPLE_MS - one sample (and one event to each open page) a second */
  readonly sampleMs?: number;
}

/**
 * The admin server's live status page: `GET /` (the page), `GET /status` (one snapshot as JSON,
 * what the page polls when Server-Sent Events do not get through) and `GET /events` (a snapshot
 * a second as Server-Sent Events). It samples the proxy's counters while the admin server runs,
 * whether or not a page is open, so the graphs have history when one opens.
 */
export class StatusPage {
  /** The paths it answers. */
  public static readonly PATHS = PATHS;

  private readonly traffic = new TrafficHistory();
  private readonly streams = new Set<ServerResponse>();
  private readonly timer: NodeJS.Timeout;
  private readonly sampleMs: number;

  public constructor(private readonly options: StatusPageOptions) {
    this.sampleMs = options.sampleMs ?? TRAFFIC_SAMPLE_MS;
    this.traffic.sample(options.metrics());
    this.timer = setInterval(() => this.tick(), this.sampleMs);
    // The page never keeps a proxy process alive.
    this.timer.unref();
  }

  /** Answers the page's paths (403 for a Host that is not the loopback's); false for any other path. */
  public serve(path: string, req: IncomingMessage, res: ServerResponse): boolean {
    if (!PATHS.includes(path)) return false;
    if (!isLoopbackHost(req.headers.host)) {
      const body = `${JSON.stringify({ error: `the status page answers requests for 127.0.0.1, localhost or [::1], not for host ${req.headers.host ?? '(none)'}` })}\n`;
      res.writeHead(403, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return true;
    }
    switch (path) {
      case '/':
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-length': Buffer.byteLength(STATUS_PAGE_HTML),
          'content-security-policy': STATUS_PAGE_CSP,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : STATUS_PAGE_HTML);
        return true;
      case '/status': {
        const body = `${this.snapshotJson()}\n`;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
        return true;
      }
      case '/events':
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
        if (req.method === 'HEAD') { res.end(); return true; }
        // The browser reconnects after 2 s when the stream breaks; the first snapshot goes at once.
        res.write(`retry: 2000\ndata: ${this.snapshotJson()}\n\n`);
        this.streams.add(res);
        res.once('close', () => this.streams.delete(res));
        return true;
      default:
        return false;
    }
  }

  /** Stops sampling and ends the open event streams. */
  public close(): void {
    clearInterval(this.timer);
    for (const res of this.streams) res.end();
    this.streams.clear();
  }

  private tick(): void {
    this.traffic.sample(this.options.metrics());
    if (this.streams.size === 0) return;
    // JSON.stringify escapes line breaks, so one snapshot is one `data:` line.
    const event = `data: ${this.snapshotJson()}\n\n`;
    for (const res of this.streams) res.write(event);
  }

  private snapshotJson(): string {
    return JSON.stringify(statusSnapshot(this.options, this.traffic, this.sampleMs / 1000));
  }
}
