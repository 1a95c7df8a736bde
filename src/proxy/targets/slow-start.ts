/**
 * The share of a target in slow start: it ramps linearly from a small floor to 1 over the
 * slow-start duration, counted from when the target became healthy.
 */
export function slowStartWeight(healthySinceMs: number | undefined, nowMs: number, durationMs: number): number {
  if (durationMs <= 0 || healthySinceMs === undefined) return 1;
  const elapsed = nowMs - healthySinceMs;
  if (elapsed >= durationMs) return 1;
  return Math.max(0.01, elapsed / durationMs);
}
