import { ListenerHeadersPart } from './parts';
import { bool, str } from './values';
import { AWS_ALB_LISTENER_HEADERS, LISTENER_ATTRIBUTE, REQUEST_HEADER_NAME_ATTRIBUTE, RESPONSE_HEADER_ATTRIBUTE } from '../core/contract';
import { ListenerHeadersModel } from '../core/model/load-balancer-model';


/**
 * Reads the header-modification attributes of one listener, both engines: `attribute(key)` gives the
 * scalar written for a listener attribute key (CloudFormation: its ListenerAttributes entry;
 * Terraform: the argument named by the key). An empty value is AWS's "not set".
 */
export function readListenerHeaders(attribute: (key: string) => unknown, where: string): ListenerHeadersPart {
  const text = (key: string): string | undefined => {
    const value = str(attribute(key));
    return value === '' ? undefined : value;
  };
  const pick = <K extends string>(keys: Readonly<Record<K, string>>): Partial<Record<K, string>> => {
    const out: Partial<Record<K, string>> = {};
    for (const field of Object.keys(keys) as K[]) {
      const value = text(keys[field]);
      if (value !== undefined) out[field] = value;
    }
    return out;
  };
  const server = attribute(LISTENER_ATTRIBUTE.serverHeader);
  return {
    ...(server !== undefined && server !== null && server !== '' ? { serverHeader: bool(server, AWS_ALB_LISTENER_HEADERS.serverHeader, `${where} ${LISTENER_ATTRIBUTE.serverHeader}`) } : {}),
    values: pick(RESPONSE_HEADER_ATTRIBUTE),
    requestHeaderNames: pick(REQUEST_HEADER_NAME_ATTRIBUTE),
  };
}

/** The model of a listener's headers: AWS's default server header when not written, renames only when some are. */
export function listenerHeadersModel(part: ListenerHeadersPart | undefined): ListenerHeadersModel {
  const names = part?.requestHeaderNames ?? {};
  return {
    serverHeader: part?.serverHeader ?? AWS_ALB_LISTENER_HEADERS.serverHeader,
    ...(part?.values ?? {}),
    ...(Object.keys(names).length > 0 ? { requestHeaderNames: names } : {}),
  };
}
