import { wildcardRegex } from './wildcard';
import { ActionModel, LoadBalancerModel } from '../model/load-balancer-model';

/**
 * What an ALB's HTTPS listener does with an external health checker's `GET <path>`, which
 * carries the load balancer's own DNS name as Host and no other headers or query: the first
 * rule (by priority) whose conditions such a request meets, else the default action. Rules that
 * need a host, header, query or source address cannot match it.
 */
export function actionForHealthPath(model: LoadBalancerModel, path: string): ActionModel | undefined {
  const https = model.listeners.find((l) => l.protocol === 'HTTPS');
  if (!https) return undefined;
  for (const rule of https.rules) {
    const c = rule.conditions;
    if (c.hostHeaders || c.httpHeaders || c.queryStrings || c.sourceIps) continue;
    if (c.httpRequestMethods && !c.httpRequestMethods.includes('GET')) continue;
    if (c.pathPatterns && !wildcardRegex(c.pathPatterns, false).test(path)) continue;
    return rule.action;
  }
  return https.defaultAction;
}

/** True when that action can never answer a health checker with 2xx/3xx. */
export function healthPathNotServed(action: ActionModel | undefined): boolean {
  return action?.type === 'fixed-response' && !/^[23]/.test(action.statusCode);
}
