import { ROUTE_TAG } from '../../core/contract';
import { ConditionsBuilder, CONDITION_FIELDS } from '../conditions';
import { LbkitConfigError } from '../errors';
import { ListenerRulePart } from '../parts';
import { ResourceMapping } from '../registry';
import { transformsModel } from '../transforms';
import { block, num, objects, str, strings } from '../values';
import { readTfRuleActions } from './actions';
import { TfConfig, tfTag } from './config';

/**
 * aws_lb_listener_rule (aws_alb_listener_rule): priority, condition blocks, action; route
 * name from tag {@link ROUTE_TAG}.
 */
export const awsLbListenerRuleMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_lb_listener_rule', 'aws_alb_listener_rule'],
  read: (id, b, doc) => {
    const where = `listener rule ${id}`;
    const conditions = new ConditionsBuilder(where);
    for (const c of objects(b.condition)) {
      let kinds = 0;
      for (const [field, modelField] of Object.entries(CONDITION_FIELDS)) {
        const values = block(c[field.replace(/-/g, '_')]);
        if (values) {
          kinds++;
          conditions.values(modelField, strings(doc, values.values));
        }
      }
      const header = block(c.http_header);
      if (header) {
        kinds++;
        conditions.header(str(doc.scalar(header.http_header_name), ''), strings(doc, header.values));
      }
      if (c.query_string !== undefined) {
        kinds++;
        conditions.queryStrings(objects(c.query_string).map((kv) => {
          const key = str(doc.scalar(kv.key));
          return { ...(key !== undefined ? { key } : {}), value: str(doc.scalar(kv.value), '') };
        }));
      }
      if (kinds !== 1) {
        throw new LbkitConfigError(`${where}: a condition block must hold exactly one of host_header, path_pattern, http_request_method, source_ip, http_header, query_string (found ${kinds})`);
      }
    }
    const actions = readTfRuleActions(b.action, doc, where);
    // hashicorp/aws 6.x: `rewrite` is one block inside each config (written as an object or a list of one).
    const transforms = transformsModel(objects(b.transform).map((t) => {
      const config = block(t.host_header_rewrite_config) ?? block(t.url_rewrite_config);
      return {
        type: str(doc.scalar(t.type), ''),
        rewrites: objects(config?.rewrite)
          .map((r) => ({ regex: str(doc.scalar(r.regex), ''), replace: str(doc.scalar(r.replace), '') })),
      };
    }), where);
    const part: ListenerRulePart = {
      kind: 'listener-rule',
      key: id,
      listener: doc.ref(b.listener_arn),
      route: tfTag(b.tags, ROUTE_TAG) ?? id.slice(id.indexOf('.') + 1),
      priority: num(doc.scalar(b.priority), 0, `${where} priority`),
      conditions: conditions.build(),
      action: actions.action,
      ...(actions.authenticate ? { authenticate: actions.authenticate } : {}),
      ...(actions.validateJwt ? { validateJwt: actions.validateJwt } : {}),
      ...(transforms ? { transforms } : {}),
    };
    return [part];
  },
};
