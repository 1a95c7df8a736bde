import { IDLE_TIMEOUT_WARNING_SECONDS } from '../defaults';
import { AdviceRule } from './advice';

export const idleTimeoutHigh: AdviceRule = {
  id: 'lbkit:idleTimeoutHigh',
  check: (_options, model) => model.attributes.idleTimeoutSeconds > IDLE_TIMEOUT_WARNING_SECONDS
    ? [`idle timeout ${model.attributes.idleTimeoutSeconds} s is above ${IDLE_TIMEOUT_WARNING_SECONDS} s: NAT gateways, proxies and client libraries usually drop idle connections sooner, and idle connections hold load-balancer capacity. Prefer application keep-alives (WebSocket ping) with a shorter timeout.`]
    : [],
};
