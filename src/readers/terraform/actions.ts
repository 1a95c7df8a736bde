import { REFERENCE } from '../../core/model/load-balancer-model';
import { terminalAction } from '../actions';
import { ActionPart } from '../parts';
import { block, bool, num, objects, str } from '../values';
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
      const tuples = objects(forward?.target_group);
      const targetGroups = tuples.length > 0
        ? tuples.map((t) => ({ group: doc.ref(t.arn), weight: num(s(t.weight), 1, `${where} weight`) }))
        : [{ group: doc.ref(a.target_group_arn), weight: 1 }];
      const sticky = block(forward?.stickiness);
      const enabled = sticky ? bool(s(sticky.enabled), false, `${where} stickiness.enabled`) : false;
      const duration = sticky ? num(s(sticky.duration), undefined, `${where} stickiness.duration`) : undefined;
      return { type: 'forward', targetGroups, ...(enabled && duration !== undefined ? { stickinessSeconds: duration } : {}) };
    }
    case 'redirect': {
      const r = block(a.redirect) ?? {};
      return {
        type: 'redirect',
        statusCode: str(s(r.status_code), REFERENCE) as 'HTTP_301' | 'HTTP_302',
        protocol: str(s(r.protocol), '#{protocol}'),
        host: str(s(r.host), '#{host}'),
        port: str(s(r.port), '#{port}'),
        path: str(s(r.path), '/#{path}'),
        query: str(s(r.query), '#{query}'),
      };
    }
    default: {
      const f = block(a.fixed_response) ?? {};
      const contentType = str(s(f.content_type));
      const messageBody = str(s(f.message_body));
      return {
        type: 'fixed-response',
        statusCode: str(s(f.status_code), REFERENCE),
        ...(contentType !== undefined ? { contentType } : {}),
        ...(messageBody !== undefined ? { messageBody } : {}),
      };
    }
  }
}
