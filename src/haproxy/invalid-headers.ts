import { AlbAttributesModel } from '../core/model/load-balancer-model';

/**
 * A header name outside `[-A-Za-z0-9]` (the node plane's VALID_NAME, src/proxy/http/forward.ts): HAProxy's
 * `-m reg` finds the pattern anywhere in the name, so one such character is enough.
 */
export const INVALID_HEADER_NAME_REGEX = '[^-A-Za-z0-9]';

/**
 * drop_invalid_header_fields: such headers are not forwarded. Deleted after routing, as the node plane
 * drops them only when it forwards (a header condition still sees them).
 */
export function dropInvalidHeaderLines(attributes: AlbAttributesModel): string[] {
  if (!attributes.dropInvalidHeaderFields) return [];
  return [`    http-request del-header "${INVALID_HEADER_NAME_REGEX}" -m reg`];
}
