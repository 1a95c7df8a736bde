/** A value as written (a literal or REFERENCE; undefined when absent) and its key, for error messages. */
export type Field = readonly [value: unknown, key: string];

/** A target group's health-check settings as one engine spells them (ALB and NLB groups alike). */
export interface HealthCheckFields {
  readonly protocol: Field;
  readonly path: Field;
  readonly port: Field;
  readonly interval: Field;
  readonly timeout: Field;
  readonly healthyThreshold: Field;
  readonly unhealthyThreshold: Field;
  readonly matcher: Field;
}
