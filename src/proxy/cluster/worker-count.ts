import { availableParallelism } from 'os';

/** `--workers <n|auto>`: a positive integer, or `auto` for one worker per core. */
export function workerCount(value: number | string): number {
  if (value === 'auto') return Math.max(1, availableParallelism());
  const n = typeof value === 'number' ? value : Number(value);
  if (typeof value === 'string' && value.trim() === '') throw new Error(`workers: expected a positive integer or auto, received '${value}'`);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`workers: expected a positive integer (at most 256) or auto, received '${value}'`);
  return n;
}
