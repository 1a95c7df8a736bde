import { fixedResponseAction, forwardAction, redirectAction, terminalAction } from '../actions';
import { ActionPart } from '../parts';
import { isObject, num, objects, str } from '../values';
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
  const s = (v: unknown) => doc.scalar(v);
  switch (a.Type) {
    case 'forward': {
      const config = isObject(a.ForwardConfig) ? a.ForwardConfig : undefined;
      const sticky = isObject(config?.TargetGroupStickinessConfig) ? config.TargetGroupStickinessConfig : undefined;
      return forwardAction({
        weighted: objects(config?.TargetGroups).map((t) => ({ group: doc.ref(t.TargetGroupArn), weight: [s(t.Weight), 'Weight'] })),
        single: () => doc.ref(a.TargetGroupArn),
        ...(sticky ? {
          stickiness: { enabled: [s(sticky.Enabled), 'TargetGroupStickinessConfig.Enabled'], duration: [s(sticky.DurationSeconds), 'DurationSeconds'] },
        } : {}),
      }, where);
    }
    case 'redirect': {
      const r = isObject(a.RedirectConfig) ? a.RedirectConfig : {};
      return redirectAction(s(r.StatusCode), {
        protocol: s(r.Protocol), host: s(r.Host), port: s(r.Port), path: s(r.Path), query: s(r.Query),
      });
    }
    default: {
      const f = isObject(a.FixedResponseConfig) ? a.FixedResponseConfig : {};
      return fixedResponseAction(s(f.StatusCode), s(f.ContentType), s(f.MessageBody));
    }
  }
}
