import { ROUTE_TAG } from '../../core/contract';
import { ConditionsBuilder, CONDITION_FIELDS } from '../conditions';
import { LbkitConfigError } from '../errors';
import { ListenerRulePart } from '../parts';
import { transformsModel } from '../transforms';
import { isObject, num, objects, str, strings } from '../values';
import { readCfnRuleActions } from './actions';
import { cfnMapping } from './template';

/** The key under which each condition field keeps its values in the *Config form. */
const CONFIG_OF: Record<string, string> = {
  'host-header': 'HostHeaderConfig',
  'path-pattern': 'PathPatternConfig',
  'http-request-method': 'HttpRequestMethodConfig',
  'source-ip': 'SourceIpConfig',
};

/**
 * AWS::ElasticLoadBalancingV2::ListenerRule: priority, conditions (the *Config forms, and
 * the older `Values` form), action; route name from `Metadata[ROUTE_TAG]`.
 */
export const listenerRuleMapping = cfnMapping('AWS::ElasticLoadBalancingV2::ListenerRule', (id, p, doc, resource) => {
  const where = `listener rule ${id}`;
  const conditions = new ConditionsBuilder(where);
  for (const c of objects(p.Conditions)) {
    const field = str(doc.scalar(c.Field), '');
    if (CONDITION_FIELDS[field]) {
      const config = c[CONFIG_OF[field]];
      conditions.values(CONDITION_FIELDS[field], strings(doc, isObject(config) ? config.Values : c.Values));
    } else if (field === 'http-header') {
      const h = isObject(c.HttpHeaderConfig) ? c.HttpHeaderConfig : {};
      conditions.header(str(doc.scalar(h.HttpHeaderName), ''), strings(doc, h.Values));
    } else if (field === 'query-string') {
      const q = isObject(c.QueryStringConfig) ? c.QueryStringConfig : {};
      conditions.queryStrings(objects(q.Values).map((kv) => {
        const key = str(doc.scalar(kv.Key));
        return { ...(key !== undefined ? { key } : {}), value: str(doc.scalar(kv.Value), '') };
      }));
    } else {
      throw new LbkitConfigError(`${where}: unsupported condition field ${JSON.stringify(field)}`);
    }
  }
  const metadata = isObject(resource.Metadata) ? resource.Metadata : {};
  const actions = readCfnRuleActions(p.Actions, doc, where);
  const transforms = transformsModel(objects(p.Transforms).map((t) => {
    const config = t.HostHeaderRewriteConfig ?? t.UrlRewriteConfig;
    return {
      type: str(doc.scalar(t.Type), ''),
      rewrites: objects(isObject(config) ? config.Rewrites : undefined)
        .map((r) => ({ regex: str(doc.scalar(r.Regex), ''), replace: str(doc.scalar(r.Replace), '') })),
    };
  }), where);
  const part: ListenerRulePart = {
    kind: 'listener-rule',
    key: id,
    listener: doc.ref(p.ListenerArn),
    route: str(doc.scalar(metadata[ROUTE_TAG]), id),
    priority: num(doc.scalar(p.Priority), 0, `${where} Priority`),
    conditions: conditions.build(),
    action: actions.action,
    ...(actions.authenticate ? { authenticate: actions.authenticate } : {}),
    ...(actions.validateJwt ? { validateJwt: actions.validateJwt } : {}),
    ...(transforms ? { transforms } : {}),
  };
  return [part];
});
