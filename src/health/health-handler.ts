import { IncomingMessage, ServerResponse } from 'http';

/** One dependency probe: resolves when the dependency is usable, rejects (or times out) when not. */
export type HealthCheck = () => Promise<void>;

export interface HealthHandlerOptions {
  /** Dependency probes by name; all run in parallel. */
  readonly checks?: Readonly<Record<string, HealthCheck>>;
  /**
   * Time budget for all checks together, in milliseconds; a check still running then counts as failed.
   * Keep it below the load balancer's health-check timeout (lbkit's default: 5 s).
   * @default 2000
   */
  readonly timeoutMs?: number;
}

export type CheckStatus = 'ok' | 'failed' | 'timeout';

export interface CheckResult {
  readonly status: CheckStatus;
  readonly durationMs: number;
  /** Why the check failed (the rejection's message), when it failed. */
  readonly error?: string;
}

export interface HealthReport {
  readonly status: 'ok' | 'failed';
  readonly checks: Record<string, CheckResult>;
}

/** The default time budget, below the 5 s health-check timeout lbkit's load balancers use. */
export const DEFAULT_HEALTH_TIMEOUT_MS = 2000;

/** Runs every check in parallel within the budget; never rejects. */
export async function runHealthChecks(checks: Readonly<Record<string, HealthCheck>>, timeoutMs = DEFAULT_HEALTH_TIMEOUT_MS): Promise<HealthReport> {
  const names = Object.keys(checks).sort();
  const results = await Promise.all(names.map((name) => runOne(checks[name], timeoutMs)));
  const out: Record<string, CheckResult> = {};
  names.forEach((name, i) => { out[name] = results[i]; });
  return { status: results.every((r) => r.status === 'ok') ? 'ok' : 'failed', checks: out };
}

async function runOne(check: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'timeout', durationMs: Date.now() - started, error: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const run = (async (): Promise<CheckResult> => {
    try {
      await check();
      return { status: 'ok', durationMs: Date.now() - started };
    } catch (e) {
      return { status: 'failed', durationMs: Date.now() - started, error: e instanceof Error ? e.message : String(e) };
    }
  })();
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A `/health` handler for node:http or express-style `(req, res)`: probes the dependencies in
 * parallel within `timeoutMs` and answers 200 `{"status":"ok","checks":{...}}`, or 503 with
 * `"status":"failed"` and, per check, `failed` or `timeout` with the reason. HEAD gets the
 * status without a body. Responses are never cached.
 */
export function healthHandler(options: HealthHandlerOptions = {}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const checks = options.checks ?? {};
  const timeoutMs = options.timeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new Error(`healthHandler: timeoutMs must be a positive number of milliseconds, received ${timeoutMs}`);
  return async (req, res) => {
    const report = await runHealthChecks(checks, timeoutMs);
    const body = JSON.stringify(report);
    res.statusCode = report.status === 'ok' ? 200 : 503;
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
