import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { Construct } from 'constructs';
import { LbkitValidationError } from '../../core/errors';
import { PORT_MAX, PORT_MIN } from '../../core/limits';
import { requireRange } from '../../core/validation/range';
import { providerOnlyTargetAttachmentArguments } from '../provider-support';
import { TargetOptions } from '../target-options';

/** Each target's port, when given, is a port (`option` names the list, e.g. `routes["api"].targets`). */
export function checkTargetPorts(path: string, option: string, targets: TargetOptions[]): void {
  targets.forEach((t, i) => requireRange(path, `${option}[${i}].port`, t.port, PORT_MIN, PORT_MAX));
}

/**
 * One `aws_lb_target_group_attachment` per fixed target of a target group, on `defaultPort` unless
 * it names its own. Takes the group's ARN read once (each attribute read is a new cdktf token).
 */
export function renderTargets(scope: Construct, groupName: string, groupArn: string, defaultPort: number, targets: TargetOptions[]): void {
  targets.forEach((target, i) => {
    new LbTargetGroupAttachment(scope, `TargetGroup-${groupName}-Target${i}`, {
      targetGroupArn: groupArn,
      targetId: target.id,
      port: target.port ?? defaultPort,
      ...(target.availabilityZone !== undefined ? { availabilityZone: target.availabilityZone } : {}),
      ...providerOnlyTargetAttachmentArguments(target),
    });
  });
}

/** What the names given to `targetGroupArn` name, in the singular and the plural. */
export interface GroupOwner {
  readonly one: string;
  readonly many: string;
}

/** The target group registered under `name`, or an error naming the method, what exists and what was asked for. */
export function targetGroupNamed(path: string, groups: Map<string, LbTargetGroup>, name: string, option: string, owner: GroupOwner): LbTargetGroup {
  const group = groups.get(name);
  if (!group) {
    throw new LbkitValidationError(path, option, `names no ${owner.one} (${owner.many}: ${[...groups.keys()].join(', ') || 'none'})`, name);
  }
  return group;
}
