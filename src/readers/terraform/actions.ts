import { CLIENT_SECRET_DATA_SOURCE } from '../../core/contract';
import { ActionSpelling, readActions, readRuleActions, ReadActionList } from '../actions';
import { parseSecretExpression, UNKNOWN_CLIENT_SECRET } from '../client-secret';
import { snakeCase } from '../key-case';
import { ActionPart } from '../parts';
import { block } from '../values';
import { TfConfig } from './config';

/** How the Terraform provider spells actions (aws_lb_listener default_action, aws_lb_listener_rule action): snake_case, blocks. */
const TF_ACTIONS: Omit<ActionSpelling, 'clientSecret'> = {
  key: snakeCase,
  config: snakeCase,
  block,
  forward: { groups: 'target_group', arn: 'arn', stickiness: 'stickiness', duration: 'duration' },
  jwtClaims: 'additional_claim',
};

/** The spelling with the configuration's data sources, which a client secret is read from. */
function spellingOf(doc: TfConfig): ActionSpelling {
  return {
    ...TF_ACTIONS,
    clientSecret: (raw) => {
      const expression = typeof raw === 'string' ? parseSecretExpression(raw, CLIENT_SECRET_DATA_SOURCE) : undefined;
      const data = expression ? doc.dataSource(CLIENT_SECRET_DATA_SOURCE, expression.name) : undefined;
      if (!expression || !data) return UNKNOWN_CLIENT_SECRET;
      return { secretId: doc.ref(data.secret_id).value, ...(expression.jsonField !== undefined ? { jsonField: expression.jsonField } : {}) };
    },
  };
}

/** A Terraform listener's `default_action` block list as its one terminal action. */
export function readTfActions(raw: unknown, doc: TfConfig, where: string): ActionPart {
  return readActions(raw, doc, where, spellingOf(doc));
}

/** A Terraform listener rule's `action` blocks: the terminal action and the sign-in before it, if any. */
export function readTfRuleActions(raw: unknown, doc: TfConfig, where: string): ReadActionList {
  return readRuleActions(raw, doc, where, spellingOf(doc));
}
