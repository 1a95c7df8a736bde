/**
 * What a chaos run injected, and which failures each fault explains. A failure is explained
 * only when it ran on the fault's target (a target, a worker, a listener: whatever names a
 * request or flow carries in `on`) while the fault was active, that is, it started before the
 * fault's effects ended and ended after the fault began. Every other failure is unexplained: a bug.
 * Times are epoch milliseconds (Date.now()), comparable across the test and its child processes.
 */

/** One injected fault: active from `startMs` to `endMs`; its effects may last `settleMs` longer. */
export interface InjectedFault {
  readonly kind: string;
  readonly target: string;
  readonly startMs: number;
  endMs: number;
  /**
   * How long after `endMs` the fault can still fail work on its target, for a stated reason
   * (e.g. a killed target until health checks remove it: interval × unhealthy threshold).
   */
  readonly settleMs: number;
}

/** One request or flow: when it ran, on what (target id, worker, connection), and whether it failed. */
export interface Outcome {
  readonly startMs: number;
  readonly endMs: number;
  readonly ok: boolean;
  /** What it ran on: every name a fault's target could be (target id, worker id, ...). */
  readonly on: readonly string[];
  /** For the report: the request's path, status or error. */
  readonly detail: string;
}

export interface FaultRow {
  readonly fault: InjectedFault;
  /** Outcomes on its target that overlapped its active window. */
  readonly inFlight: number;
  /** Failures it explains. */
  readonly explained: number;
}

export interface LedgerReport {
  readonly rows: readonly FaultRow[];
  readonly outcomes: number;
  readonly failures: number;
  readonly unexplained: readonly Outcome[];
}

const overlaps = (o: Outcome, f: InjectedFault) => o.startMs <= f.endMs + f.settleMs && o.endMs >= f.startMs;

export class FaultLedger {
  private readonly faults: InjectedFault[] = [];

  /** Records a fault starting now; returns it so that {@link end} can close it. */
  public begin(kind: string, target: string, settleMs = 0, startMs = Date.now()): InjectedFault {
    const fault: InjectedFault = { kind, target, startMs, endMs: Number.POSITIVE_INFINITY, settleMs };
    this.faults.push(fault);
    return fault;
  }

  /** The fault is over (its target restarted, re-registered, answering at speed again). */
  public end(fault: InjectedFault, endMs = Date.now()): void {
    fault.endMs = endMs;
  }

  /** A fault that happens at an instant (a reload, a worker killed), with the time its effects may take. */
  public instant(kind: string, target: string, settleMs: number, atMs = Date.now()): InjectedFault {
    const fault = this.begin(kind, target, settleMs, atMs);
    this.end(fault, atMs);
    return fault;
  }

  public get recorded(): readonly InjectedFault[] {
    return this.faults;
  }

  /**
   * Matches every failed outcome to the faults that explain it; counts what each fault had in flight.
   * Faults of a `lossless` kind (which must fail nothing) are credited a failure only when no other
   * fault explains it: a worker killed just before a reload explains its own connections' failures.
   */
  public match(outcomes: Iterable<Outcome>, lossless: readonly string[] = []): LedgerReport {
    const inFlight = new Map<InjectedFault, number>(this.faults.map((f) => [f, 0]));
    const explained = new Map<InjectedFault, number>(this.faults.map((f) => [f, 0]));
    const unexplained: Outcome[] = [];
    let count = 0;
    let failures = 0;
    for (const o of outcomes) {
      count++;
      const on = this.faults.filter((f) => o.on.includes(f.target) && overlaps(o, f));
      for (const f of on) inFlight.set(f, inFlight.get(f)! + 1);
      if (o.ok) continue;
      failures++;
      // Credited to the fault that began last before it ended: the likeliest cause when two overlap.
      const candidates = on.filter((f) => f.startMs <= o.endMs).sort((x, y) => y.startMs - x.startMs);
      const cause = candidates.find((f) => !lossless.includes(f.kind)) ?? candidates[0];
      if (cause) explained.set(cause, explained.get(cause)! + 1);
      else unexplained.push(o);
    }
    return {
      rows: this.faults.map((fault) => ({ fault, inFlight: inFlight.get(fault)!, explained: explained.get(fault)! })),
      outcomes: count,
      failures,
      unexplained,
    };
  }
}

/** The per-fault table, one line per fault, times relative to `originMs`. */
export function faultTable(report: LedgerReport, originMs: number): string {
  const head = 'at (s)  | fault        | target               | lasted (ms) | in flight | failures explained';
  const lines = report.rows.map(({ fault, inFlight, explained }) => [
    ((fault.startMs - originMs) / 1000).toFixed(1).padStart(7),
    fault.kind.padEnd(12),
    fault.target.padEnd(20),
    String(Number.isFinite(fault.endMs) ? fault.endMs - fault.startMs : 'open').padStart(11),
    String(inFlight).padStart(9),
    String(explained).padStart(18),
  ].join(' | '));
  return [head, ...lines, `${report.outcomes} outcomes, ${report.failures} failures, ${report.unexplained.length} unexplained`].join('\n');
}
