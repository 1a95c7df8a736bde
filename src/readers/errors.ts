/**
 * Synthesized output that lbkit cannot read: not JSON, neither CloudFormation nor Terraform,
 * no load balancer, or a construct the model cannot hold. The message is one line and says
 * where and what; the CLI prints it and exits with status 2.
 */
export class LbkitConfigError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'LbkitConfigError';
  }
}

/** Runs a resource reader, prefixing its LbkitConfigError with the input it was reading. */
export function withSource<T>(source: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof LbkitConfigError) throw new LbkitConfigError(`${source}: ${e.message}`);
    throw e;
  }
}
