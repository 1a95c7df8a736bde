import { mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { Scenario } from './synth-scenario';
import { SynthVariant } from './synth-variants';

/**
 * A full garbage collection, so one run's garbage is not collected (and billed) inside the next.
 * The flag can be set at run time; `gc` then exists in contexts created afterwards.
 */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return gc ?? (() => undefined);
}

const gc = collectGarbage();

/** One timed synthesis and what it wrote. */
export interface Measurement {
  /** Construct-tree build plus synthesis to JSON on disk, wall clock, in milliseconds. */
  readonly ms: number;
  /**
   * CPU time of the process over the same span (all its threads, GC helpers included), in
   * milliseconds: less disturbed than wall time when other processes share the cores.
   */
  readonly cpuMs: number;
  /** Size of the written template or cdk.tf.json, in bytes. */
  readonly outputBytes: number;
}

/**
 * Times one synthesis: a fresh app, the construct tree, `app.synth()` into a new temporary
 * directory. Collecting garbage first and removing the directory afterwards stay outside the
 * timed span.
 */
export function measureOnce(variant: SynthVariant, s: Scenario): Measurement {
  const outdir = mkdtempSync(join(tmpdir(), `lbkit-bench-${variant.id}-`));
  try {
    gc();
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    const file = variant.synth(s, outdir);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const cpu = process.cpuUsage(cpuStart);
    const outputBytes = statSync(file).size;
    if (outputBytes === 0) throw new Error(`${variant.id} wrote an empty ${file}`);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, outputBytes };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** One untimed synthesis: what it wrote, and how much of one kind of work it did. */
export interface SynthesizedOutput {
  /** The parsed template or cdk.tf.json. */
  readonly output: any;
  /**
   * Stack traces captured while building and synthesizing: cdktf captures one for every token
   * (each attribute reference), aws-cdk-lib for each resource and some tokens. A count that does
   * not depend on the machine's load, and under ts-node a large share of the time.
   */
  readonly stackTraces: number;
}

/** Synthesizes once into a temporary directory (removed again), counting the stack traces captured. */
export function synthesizeOutput(variant: SynthVariant, s: Scenario): SynthesizedOutput {
  const outdir = mkdtempSync(join(tmpdir(), `lbkit-bench-${variant.id}-`));
  const capture = Error.captureStackTrace;
  let stackTraces = 0;
  Error.captureStackTrace = (target: object, below?: Function) => {
    stackTraces++;
    capture.call(Error, target, below);
  };
  try {
    const output = JSON.parse(readFileSync(variant.synth(s, outdir), 'utf8'));
    return { output, stackTraces };
  } finally {
    Error.captureStackTrace = capture;
    rmSync(outdir, { recursive: true, force: true });
  }
}
