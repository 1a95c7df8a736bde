// Value formatting of the Prometheus text exposition format 0.0.4, shared by the ALB and NLB metrics.

/** A label value with backslash, double quote and newline escaped. */
export function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export function num(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}
