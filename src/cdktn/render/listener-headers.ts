// GENERATED from src/cdktf/render/listener-headers.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { LbListenerConfig } from '@cdktn/provider-aws/lib/lb-listener';
import { LISTENER_ATTRIBUTE, listenerHeaderAttributes, terraformListenerArgument } from '../../core/contract';
import { ListenerHeadersModel } from '../../core/model/load-balancer-model';

/** A Terraform argument name (`routing_http_response_server_enabled`) as the cdktf config's property name. */
function camel(argument: string): string {
  return argument.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * aws_lb_listener's header-modification arguments (`routing_http_response_*`,
 * `routing_http_request_x_amzn_*_header_name`): the attributes the contract writes, each as the
 * argument named by its key; the server header as a boolean.
 */
export function listenerHeaderArguments(headers: ListenerHeadersModel): Partial<LbListenerConfig> {
  const out: Record<string, string | boolean> = {};
  for (const [key, value] of listenerHeaderAttributes(headers)) {
    out[camel(terraformListenerArgument(key))] = key === LISTENER_ATTRIBUTE.serverHeader ? value === 'true' : value;
  }
  return out as Partial<LbListenerConfig>;
}
