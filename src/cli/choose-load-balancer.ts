import { AnyLoadBalancerModel } from '../core/model/any-load-balancer-model';
import { LbkitConfigError } from '../readers';
import { describeLoadBalancers as names, findLoadBalancer } from '../readers/select-load-balancer';

/** What `lbkit serve` runs from one synthesized file: a load balancer, or none (DNS only). */
export interface ServedLoadBalancer {
  /** The chosen load balancer; undefined when the file is served for its DNS records only. */
  readonly model?: AnyLoadBalancerModel;
  /** Load balancers of the file that are not served (shown to the user). */
  readonly notServed: readonly string[];
}

/**
 * The load balancer to serve: the one `--lb` names, else the file's only one. With `--dns`,
 * a file of none or several load balancers is served for its DNS records alone (a CDK
 * GlobalDns stack holds no load balancer; a Terraform stack may hold every region's).
 */
export function chooseLoadBalancer(file: string, models: readonly AnyLoadBalancerModel[], lb: string | undefined, dns: boolean): ServedLoadBalancer {
  if (lb !== undefined) {
    const chosen = findLoadBalancer(models, lb);
    if (!chosen) throw new LbkitConfigError(`${file}: no load balancer named ${lb} (has: ${names(models) || 'none'})`);
    return { model: chosen, notServed: models.filter((m) => m !== chosen).map((m) => m.name) };
  }
  if (models.length === 1) return { model: models[0], notServed: [] };
  if (dns) return { notServed: models.map((m) => m.name) };
  if (models.length > 1) throw new LbkitConfigError(`${file}: ${models.length} load balancers (${names(models)}); choose one with --lb <name>`);
  throw new LbkitConfigError(`${file}: no load balancer (serve its Route 53 records with --dns <host:port>)`);
}
