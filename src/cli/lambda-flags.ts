import { CliError } from './cli-error';
import { AnyLoadBalancerModel, isApplicationModel } from '../core/model/any-load-balancer-model';
import { LambdaHandlerSpec, parseHandlerSpec } from '../proxy/lambda/handler-spec';

/** Lambda route name → its local handler. */
export type LambdaMapping = Record<string, LambdaHandlerSpec>;

/** The model's Lambda routes (none for a network load balancer). */
export function lambdaRoutes(model: AnyLoadBalancerModel | undefined): string[] {
  return model && isApplicationModel(model) ? (model.lambdaTargetGroups ?? []).map((g) => g.name) : [];
}

/**
 * `--lambda <route>=<file.js[#handler]>`, repeatable: the route must be one of the model's Lambda routes
 * (else one error listing them); a route given twice is refused. Files resolve against the working directory.
 */
export function lambdaMapping(values: readonly string[], model: AnyLoadBalancerModel | undefined): LambdaMapping {
  const routes = lambdaRoutes(model);
  const out: LambdaMapping = {};
  for (const value of values) {
    const i = value.indexOf('=');
    if (i <= 0 || i === value.length - 1) throw new CliError(`--lambda: '${value}' is not <route>=<file.js[#handler]>`);
    const route = value.slice(0, i).trim();
    if (!routes.includes(route)) {
      throw new CliError(`--lambda ${route}: not a Lambda route of this load balancer (Lambda routes: ${routes.join(', ') || 'none'})`);
    }
    if (out[route]) throw new CliError(`--lambda ${route}: given twice`);
    try {
      out[route] = parseHandlerSpec(value.slice(i + 1).trim());
    } catch (e) {
      throw new CliError(`--lambda ${route}: ${(e as Error).message}`);
    }
  }
  return out;
}
