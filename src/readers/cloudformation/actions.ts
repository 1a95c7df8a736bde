import { REFERENCE } from '../../core/model/load-balancer-model';
import { terminalAction } from '../actions';
import { ActionPart } from '../parts';
import { bool, isObject, num, objects, str } from '../values';
import { CfnTemplate } from './template';

/** A CloudFormation action list (DefaultActions, Actions) as its one terminal action. */
export function readCfnActions(raw: unknown, doc: CfnTemplate, where: string): ActionPart {
  return terminalAction(objects(raw).map((a, i) => ({
    type: str(doc.scalar(a.Type), ''),
    order: num(doc.scalar(a.Order), i, `${where} Order`),
    read: () => readCfnAction(a, doc, where),
  })), where);
}

function readCfnAction(a: Record<string, unknown>, doc: CfnTemplate, where: string): ActionPart {
  switch (a.Type) {
    case 'forward': {
      const config = isObject(a.ForwardConfig) ? a.ForwardConfig : undefined;
      const tuples = objects(config?.TargetGroups);
      const targetGroups = tuples.length > 0
        ? tuples.map((t) => ({ group: doc.ref(t.TargetGroupArn), weight: num(doc.scalar(t.Weight), 1, `${where} Weight`) }))
        : [{ group: doc.ref(a.TargetGroupArn), weight: 1 }];
      const sticky = isObject(config?.TargetGroupStickinessConfig) ? config.TargetGroupStickinessConfig : undefined;
      const enabled = sticky ? bool(doc.scalar(sticky.Enabled), false, `${where} TargetGroupStickinessConfig.Enabled`) : false;
      const duration = sticky ? num(doc.scalar(sticky.DurationSeconds), undefined, `${where} DurationSeconds`) : undefined;
      return { type: 'forward', targetGroups, ...(enabled && duration !== undefined ? { stickinessSeconds: duration } : {}) };
    }
    case 'redirect': {
      const r = isObject(a.RedirectConfig) ? a.RedirectConfig : {};
      return {
        type: 'redirect',
        statusCode: str(doc.scalar(r.StatusCode), REFERENCE) as 'HTTP_301' | 'HTTP_302',
        protocol: str(doc.scalar(r.Protocol), '#{protocol}'),
        host: str(doc.scalar(r.Host), '#{host}'),
        port: str(doc.scalar(r.Port), '#{port}'),
        path: str(doc.scalar(r.Path), '/#{path}'),
        query: str(doc.scalar(r.Query), '#{query}'),
      };
    }
    default: {
      const f = isObject(a.FixedResponseConfig) ? a.FixedResponseConfig : {};
      const contentType = str(doc.scalar(f.ContentType));
      const messageBody = str(doc.scalar(f.MessageBody));
      return {
        type: 'fixed-response',
        statusCode: str(doc.scalar(f.StatusCode), REFERENCE),
        ...(contentType !== undefined ? { contentType } : {}),
        ...(messageBody !== undefined ? { messageBody } : {}),
      };
    }
  }
}
