import { randomUUID } from 'crypto';
import { Worker } from 'worker_threads';
import { LambdaHandlerSpec } from './handler-spec';
import { WORKER_SOURCE } from './worker-source';

/** How one invocation ended. */
export type InvokeOutcome =
  /** The function returned: its result as JSON text. */
  | { readonly kind: 'result'; readonly payload: string; readonly ms: number }
  /** It threw, rejected, failed to load, or its worker died. */
  | { readonly kind: 'error'; readonly errorType: string; readonly errorMessage: string; readonly ms: number }
  /** Past the function's timeout: its worker was stopped. */
  | { readonly kind: 'timeout'; readonly ms: number };

export interface LambdaInvokerOptions {
  /** The function's timeout in local milliseconds (already scaled). */
  readonly timeoutMs: number;
  /** The function's name for the handler's context (the route name). */
  readonly functionName: string;
  /** Its ARN for the context (a local stand-in). */
  readonly functionArn?: string;
  /**
   * How long loading the file may take, in local milliseconds (apart from the timeout, as Lambda's init phase).
   * @default 10000 (Lambda's 10 s init limit)
   */
  readonly initTimeoutMs?: number;
}

/** A handler that could not be loaded or run: what Lambda reports as the function error. */
interface FunctionError {
  readonly errorType: string;
  readonly errorMessage: string;
}

/** Warm workers kept between invocations; more are started when requests overlap, as Lambda scales out. */
const MAX_IDLE_WORKERS = 4;

interface HandlerWorker {
  readonly worker: Worker;
  /** Resolves once the file is loaded; to the load error when it failed. */
  readonly ready: Promise<FunctionError | undefined>;
}

interface WorkerMessage {
  readonly type: 'ready' | 'init-error' | 'result';
  readonly id?: number;
  readonly payload?: string;
  readonly error?: FunctionError;
}

/**
 * Runs a local Lambda handler, each invocation in a worker thread of its own at a time (as Lambda runs one
 * request per execution environment): a handler that crashes, hangs or loops cannot take the proxy down.
 * Past the timeout the worker is terminated and the next invocation starts a fresh one; workers that
 * answered are kept warm, with their module state, as Lambda keeps environments.
 */
export class LambdaInvoker {
  private readonly idle: HandlerWorker[] = [];
  private readonly live = new Set<HandlerWorker>();
  private nextId = 0;
  private closed = false;

  public constructor(public readonly spec: LambdaHandlerSpec, private readonly options: LambdaInvokerOptions) {}

  public async invoke(event: unknown): Promise<InvokeOutcome> {
    const started = performance.now();
    const ms = () => performance.now() - started;
    if (this.closed) return { kind: 'error', errorType: 'Runtime.Closed', errorMessage: 'the invoker is closed', ms: 0 };
    const w = this.idle.pop() ?? this.start();
    // Referenced while it works (the invocation keeps the process alive), unreferenced while idle.
    w.worker.ref();
    const loadError = await this.loaded(w);
    if (loadError) {
      this.stop(w);
      return { kind: 'error', ...loadError, ms: ms() };
    }
    const id = this.nextId++;
    return new Promise<InvokeOutcome>((resolve) => {
      const finish = (outcome: InvokeOutcome, keep: boolean) => {
        clearTimeout(timer);
        w.worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (keep && !this.closed && this.idle.length < MAX_IDLE_WORKERS) {
          w.worker.unref();
          this.idle.push(w);
        } else {
          this.stop(w);
        }
        resolve(outcome);
      };
      const onMessage = (m: WorkerMessage) => {
        if (m.type !== 'result' || m.id !== id) return;
        if (m.error) finish({ kind: 'error', ...m.error, ms: ms() }, true);
        else finish({ kind: 'result', payload: m.payload ?? 'null', ms: ms() }, true);
      };
      // An exception the handler left uncaught (a throw in a timer, a rejected promise nobody awaited) ends its worker.
      const onError = (e: Error) => finish({ kind: 'error', errorType: e.name || 'Error', errorMessage: e.message, ms: ms() }, false);
      const onExit = (code: number) => finish({ kind: 'error', errorType: 'Runtime.ExitError', errorMessage: `the handler's worker exited (code ${code})`, ms: ms() }, false);
      const timer = setTimeout(() => finish({ kind: 'timeout', ms: ms() }, false), this.options.timeoutMs);
      w.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      w.worker.postMessage({
        id,
        event,
        timeoutMs: this.options.timeoutMs,
        requestId: randomUUID(),
        functionName: this.options.functionName,
        functionArn: this.options.functionArn ?? this.options.functionName,
      });
    });
  }

  /** Stops every worker (in-flight invocations end as errors). */
  public async close(): Promise<void> {
    this.closed = true;
    this.idle.length = 0;
    await Promise.all([...this.live].map((w) => w.worker.terminate()));
    this.live.clear();
  }

  private start(): HandlerWorker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.spec.file, handler: this.spec.handler } });
    const ready = new Promise<FunctionError | undefined>((resolve) => {
      const onMessage = (m: WorkerMessage) => {
        if (m.type === 'ready') done(undefined);
        else if (m.type === 'init-error') done(m.error);
      };
      const onError = (e: Error) => done({ errorType: e.name || 'Error', errorMessage: e.message });
      const onExit = (code: number) => done({ errorType: 'Runtime.ExitError', errorMessage: `the handler's worker exited while loading (code ${code})` });
      const done = (error: FunctionError | undefined) => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        resolve(error);
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
    const w = { worker, ready };
    this.live.add(w);
    return w;
  }

  /** The worker's load result, or a load error past the init limit (a file that never finishes loading). */
  private async loaded(w: HandlerWorker): Promise<FunctionError | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<FunctionError>((resolve) => {
      timer = setTimeout(() => resolve({ errorType: 'Runtime.InitTimeout', errorMessage: `${this.spec.file} did not load in time` }),
        this.options.initTimeoutMs ?? 10_000);
    });
    try {
      return await Promise.race([w.ready, limit]);
    } finally {
      clearTimeout(timer);
    }
  }

  private stop(w: HandlerWorker): void {
    this.live.delete(w);
    void w.worker.terminate();
  }
}
