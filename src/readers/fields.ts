import { bool, num } from './values';

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

/** What every target group has, as one engine spells it. */
export interface TargetGroupBaseFields {
  /** The resource, for error messages. */
  readonly where: string;
  readonly name: string;
  readonly port: Field;
  readonly targetType: Field;
  readonly deregistrationDelay: Field;
  readonly health: HealthCheckFields;
  readonly defaultThresholds: Thresholds;
}

/** Health thresholds when absent: AWS's, or the Terraform provider's. */
export interface Thresholds {
  readonly healthy: number;
  readonly unhealthy: number;
}

/** A field reader for one resource: numbers and booleans with the resource and key in errors. */
export function fieldReaders(where: string): { n: (field: Field, fallback: number) => number; b: (field: Field, fallback: boolean) => boolean } {
  return {
    n: (field, fallback) => num(field[0], fallback, `${where} ${field[1]}`),
    b: (field, fallback) => bool(field[0], fallback, `${where} ${field[1]}`),
  };
}
