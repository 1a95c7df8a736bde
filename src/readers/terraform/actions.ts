import { fixedResponseAction, forwardAction, redirectAction, terminalAction } from '../actions';
import { ActionPart } from '../parts';
import { block, num, objects, str } from '../values';
import { TfConfig } from './config';

/** A Terraform `default_action` / `action` block list as its one terminal action. */
export function readTfActions(raw: unknown, doc: TfConfig, where: string): ActionPart {
  return terminalAction(objects(raw).map((a, i) => ({
    type: str(doc.scalar(a.type), ''),
    order: num(doc.scalar(a.order), i, `${where} order`),
    read: () => readTfAction(a, doc, where),
  })), where);
}

function readTfAction(a: Record<string, unknown>, doc: TfConfig, where: string): ActionPart {
  const s = (v: unknown) => doc.scalar(v);
  switch (a.type) {
    case 'forward': {
      const forward = block(a.forward);
      const sticky = block(forward?.stickiness);
      return forwardAction({
        weighted: objects(forward?.target_group).map((t) => ({ group: doc.ref(t.arn), weight: [s(t.weight), 'weight'] })),
        single: () => doc.ref(a.target_group_arn),
        ...(sticky ? {
          stickiness: { enabled: [s(sticky.enabled), 'stickiness.enabled'], duration: [s(sticky.duration), 'stickiness.duration'] },
        } : {}),
      }, where);
    }
    case 'redirect': {
      const r = block(a.redirect) ?? {};
      return redirectAction(s(r.status_code), {
        protocol: s(r.protocol), host: s(r.host), port: s(r.port), path: s(r.path), query: s(r.query),
      });
    }
    default: {
      const f = block(a.fixed_response) ?? {};
      return fixedResponseAction(s(f.status_code), s(f.content_type), s(f.message_body));
    }
  }
}
