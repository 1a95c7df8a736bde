import * as d from '../defaults';
import { LbkitValidationError } from '../errors';
import * as l from '../limits';
import { ActionModel } from '../model/load-balancer-model';
import { ActionSpec } from '../options/action-spec';
import { RedirectStatus } from '../options/enums';
import { requireOneOf } from '../validation/choices';
import { requireRange } from '../validation/range';

/** What a redirect may set its protocol to: a scheme, or keep the request's. */
const REDIRECT_PROTOCOLS = ['HTTP', 'HTTPS', '#{protocol}'];

/** Turns a stated action into its model form, checking AWS's limits. `option` names where it was set. */
export function planAction(path: string, option: string, spec: ActionSpec, routeNames: ReadonlySet<string>): ActionModel {
  switch (spec.type) {
    case 'forward': {
      if (spec.targets.length < 1 || spec.targets.length > l.TARGET_GROUPS_PER_FORWARD) {
        throw new LbkitValidationError(path, option, `must forward to 1–${l.TARGET_GROUPS_PER_FORWARD} target groups`, spec.targets);
      }
      const seen = new Set<string>();
      for (const t of spec.targets) {
        if (!routeNames.has(t.route)) {
          throw new LbkitValidationError(path, option, `forwards to route "${t.route}", which is not defined (routes: ${[...routeNames].join(', ')})`, t.route);
        }
        if (seen.has(t.route)) throw new LbkitValidationError(path, option, `lists route "${t.route}" twice`, t.route);
        seen.add(t.route);
        requireRange(path, `${option} weight of "${t.route}"`, t.weight, 0, l.FORWARD_WEIGHT_MAX);
      }
      if (spec.stickinessSeconds !== undefined) {
        requireRange(path, `${option} stickinessSeconds`, spec.stickinessSeconds, 1, l.GROUP_STICKINESS_MAX_SECONDS);
      }
      return {
        type: 'forward',
        targetGroups: spec.targets.map((t) => ({ name: t.route, weight: t.weight })),
        ...(spec.stickinessSeconds !== undefined ? { stickinessSeconds: spec.stickinessSeconds } : {}),
      };
    }
    case 'redirect': {
      if ([spec.protocol, spec.host, spec.port, spec.path, spec.query].every((v) => v === undefined)) {
        throw new LbkitValidationError(path, option, 'redirect must change at least one of protocol, host, port, path or query', spec);
      }
      if (spec.path !== undefined && !spec.path.startsWith('/')) {
        throw new LbkitValidationError(path, option, 'redirect path must start with "/" (write "/#{path}" to keep the path)', spec.path);
      }
      if (spec.protocol !== undefined) {
        requireOneOf(path, option, spec.protocol, REDIRECT_PROTOCOLS, 'redirect protocol must be HTTP, HTTPS or #{protocol}');
      }
      const status = requireOneOf(path, option, spec.status ?? d.REDIRECT_STATUS, RedirectStatus, 'redirect status must be HTTP_301 or HTTP_302');
      return {
        type: 'redirect',
        statusCode: status as 'HTTP_301' | 'HTTP_302',
        protocol: spec.protocol ?? '#{protocol}',
        host: spec.host ?? '#{host}',
        port: spec.port ?? '#{port}',
        path: spec.path ?? '/#{path}',
        query: spec.query ?? '#{query}',
      };
    }
    case 'fixed-response': {
      const code = spec.statusCode;
      if (!Number.isInteger(code) || !/^[245]\d\d$/.test(String(code))) {
        throw new LbkitValidationError(path, option, 'fixed response status must be a 2xx, 4xx or 5xx code', code);
      }
      if (spec.contentType !== undefined) {
        requireOneOf(path, option, spec.contentType, l.FIXED_RESPONSE_CONTENT_TYPES, `fixed response content type must be one of ${l.FIXED_RESPONSE_CONTENT_TYPES.join(', ')}`);
      }
      if (spec.body !== undefined && spec.body.length > l.FIXED_RESPONSE_BODY_MAX) {
        throw new LbkitValidationError(path, option, `fixed response body must be at most ${l.FIXED_RESPONSE_BODY_MAX} characters`, `${spec.body.length} characters`);
      }
      return {
        type: 'fixed-response',
        statusCode: String(code),
        // Terraform requires a content type, so both engines always write one.
        contentType: spec.contentType ?? d.FIXED_RESPONSE_CONTENT_TYPE,
        ...(spec.body !== undefined ? { messageBody: spec.body } : {}),
      };
    }
  }
}
