import { AdviceRule } from './advice';
import { LoadBalancingAlgorithm, RequestDuration } from '../options/enums';

/** Round robin ignores how busy a target is; long requests pile up on unlucky targets. */
export const roundRobinLongRequests: AdviceRule = {
  id: 'lbkit:roundRobinLongRequests',
  check: (options) => (options.routes ?? [])
    .filter((r) => r.algorithm === LoadBalancingAlgorithm.ROUND_ROBIN
      && (r.requestDuration === RequestDuration.LONG || r.requestDuration === RequestDuration.VARIABLE))
    .map((r) => `route "${r.name}" has ${r.requestDuration} requests but round robin: long requests pile up on some targets while others idle. Least outstanding requests sends each request to the least busy target.`),
};
