import { captureUserFacingStack } from './error-stack';

/**
 * A synth-time error that names the construct path, the option, the value and the limit.
 * Thrown at once for a bad option; the message ends with the received value.
 */
export class LbkitValidationError extends Error {
  constructor(
    public readonly constructPath: string,
    public readonly option: string,
    public readonly problem: string,
    public readonly received: unknown,
  ) {
    super(`${constructPath}: ${option} ${problem} (received: ${formatValue(received)})`);
    this.name = 'LbkitValidationError';
    // `cdk synth` prints the one-line message first, then a trace into the user's code (see error-stack.ts).
    captureUserFacingStack(this, LbkitValidationError);
  }
}

export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** CDK encodes numeric tokens as very large negative doubles; never validate those. */
export function isToken(value: unknown): boolean {
  if (typeof value === 'number') return value < -1e289; // encoded number tokens of both engines
  if (typeof value === 'string') return /\$\{(Tf)?Token\[/.test(value);
  return false;
}
