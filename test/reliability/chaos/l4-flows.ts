import { createSocket } from 'dgram';
import { connect } from 'net';

/** One flow's end: its exchanges, the target that answered it, and how it failed, if it did. */
export interface FlowOutcome {
  readonly id: string;
  readonly protocol: 'tcp' | 'udp';
  /** When it opened and when it ended or failed (Date.now()). */
  readonly startedAt: number;
  readonly endedAt: number;
  /** Round trips completed (a line or datagram sent and its answer back). */
  readonly exchanges: number;
  /** The target's name from its answers (undefined when none came). */
  readonly target?: string;
  /** Why it failed; undefined for a flow that completed. */
  readonly failure?: string;
  /**
   * UDP: the flow before this one from the same client port (the kernel reuses ports), and when its
   * last answer came: the load balancer keys a UDP flow by addresses and ports, so until that flow
   * idles out this one continues it, on its target.
   */
  readonly samePortBefore?: { readonly target: string; readonly at: number };
}

export interface FlowLoadOptions {
  /** Prefixed to every flow id, so that flows of two loads never share one (targets record ids). */
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** Flows kept busy at once (each runs flows one after another). */
  readonly concurrency: number;
  /** Round trips per flow before it closes and the next opens. */
  readonly exchangesPerFlow: number;
  /** Pause between a flow's round trips (ms), so flows overlap faults. */
  readonly gapMs: number;
  /** An answer not back within this is a failure (ms). */
  readonly answerTimeoutMs: number;
}

/** A flow generator's counts while it runs, and every flow's outcome once stopped. */
export class FlowLoad {
  public readonly outcomes: FlowOutcome[] = [];
  public exchanges = 0;
  private stopping = false;
  private loops: Promise<void>[] = [];
  /** UDP: the last target that answered each client port, and when. */
  private readonly lastOnPort = new Map<number, { target: string; at: number }>();

  public constructor(private readonly protocol: 'tcp' | 'udp', private readonly options: FlowLoadOptions) {}

  public get failures(): FlowOutcome[] {
    return this.outcomes.filter((o) => o.failure !== undefined);
  }

  public start(): this {
    this.loops = Array.from({ length: this.options.concurrency }, (_, loop) => this.loop(loop));
    return this;
  }

  /** Lets every flow finish its current round trip, then stops; resolves once all are closed. */
  public async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  private async loop(loop: number): Promise<void> {
    for (let n = 0; !this.stopping; n++) {
      const id = `${this.options.name}-${this.protocol}${loop}.${n}`;
      const outcome = this.protocol === 'tcp' ? await this.tcpFlow(id) : await this.udpFlow(id);
      this.outcomes.push(outcome);
      // A failed flow waits one gap before the next, as a client backs off before reconnecting.
      if (outcome.failure) await sleep(this.options.gapMs);
    }
  }

  /** One TCP connection: `exchangesPerFlow` lines, each answered `<target> <line>`, then a clean close. */
  private tcpFlow(id: string): Promise<FlowOutcome> {
    const o = this.options;
    return new Promise((resolve) => {
      let exchanges = 0;
      let target: string | undefined;
      let pending = '';
      let timer: NodeJS.Timeout | undefined;
      let done = false;
      const startedAt = Date.now();
      const socket = connect({ host: o.host, port: o.port });
      const finish = (failure?: string) => {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        if (failure) socket.destroy();
        else socket.end();
        resolve({ id, protocol: 'tcp', startedAt, endedAt: Date.now(), exchanges, target, failure });
      };
      const send = () => {
        if (done) return;
        if (exchanges >= o.exchangesPerFlow || (this.stopping && exchanges > 0)) return finish();
        socket.write(`${id} ${exchanges}\n`);
        timer = setTimeout(() => finish(`no answer within ${o.answerTimeoutMs} ms`), o.answerTimeoutMs);
      };
      socket.setEncoding('utf8');
      socket.on('connect', send);
      socket.on('data', (text: string) => {
        pending += text;
        const newline = pending.indexOf('\n');
        if (newline < 0) return;
        const [name, flow, seq] = pending.slice(0, newline).split(' ');
        pending = pending.slice(newline + 1);
        if (flow !== id || Number(seq) !== exchanges) return finish(`wrong answer: ${name} ${flow} ${seq}`);
        if (target !== undefined && name !== target) return finish(`answered by ${name} after ${target}`);
        target = name;
        clearTimeout(timer);
        exchanges++;
        this.exchanges++;
        setTimeout(send, o.gapMs);
      });
      socket.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
      // Only finish() closes a flow on purpose, and it runs first: a close before it is the load balancer's.
      socket.on('close', () => finish('closed by the load balancer'));
    });
  }

  /** One UDP flow (a client socket, one source port): `exchangesPerFlow` datagrams, each answered. */
  private udpFlow(id: string): Promise<FlowOutcome> {
    const o = this.options;
    return new Promise((resolve) => {
      let exchanges = 0;
      let target: string | undefined;
      let timer: NodeJS.Timeout | undefined;
      let done = false;
      let port: number | undefined;
      let samePortBefore: FlowOutcome['samePortBefore'];
      const startedAt = Date.now();
      const socket = createSocket('udp4');
      const finish = (failure?: string) => {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        socket.close();
        if (port !== undefined && target !== undefined) this.lastOnPort.set(port, { target, at: Date.now() });
        resolve({ id, protocol: 'udp', startedAt, endedAt: Date.now(), exchanges, target, failure, samePortBefore });
      };
      const send = () => {
        if (done) return;
        if (exchanges >= o.exchangesPerFlow || (this.stopping && exchanges > 0)) return finish();
        socket.send(`${id} ${exchanges}`, o.port, o.host);
        timer = setTimeout(() => finish(`no answer within ${o.answerTimeoutMs} ms`), o.answerTimeoutMs);
      };
      socket.on('message', (datagram) => {
        const [name, flow, seq] = datagram.toString('utf8').split(' ');
        // A late answer to an earlier datagram cannot come: each waits for its own before the next is sent.
        if (flow !== id || Number(seq) !== exchanges) return finish(`wrong answer: ${name} ${flow} ${seq}`);
        if (target !== undefined && name !== target) return finish(`answered by ${name} after ${target}`);
        target = name;
        clearTimeout(timer);
        exchanges++;
        this.exchanges++;
        setTimeout(send, o.gapMs);
      });
      socket.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
      socket.bind(0, '127.0.0.1', () => {
        port = socket.address().port;
        samePortBefore = this.lastOnPort.get(port);
        send();
      });
    });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
