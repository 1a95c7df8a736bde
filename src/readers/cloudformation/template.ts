import { REFERENCE } from '../../core/model/load-balancer-model';
import { LbkitConfigError } from '../errors';
import { Part, ValueRef } from '../parts';
import { ResourceMapping } from '../registry';
import { isObject, SourceDocument } from '../values';

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

/**
 * A synthesized CloudFormation template. `Ref` and `Fn::GetAtt` of a resource of the same
 * template link to it; any other intrinsic (a parameter, a pseudo parameter, an import,
 * a join without one resource in it) reads as REFERENCE.
 */
export class CfnTemplate implements SourceDocument {
  public readonly resources: Record<string, CfnResource>;

  constructor(template: unknown) {
    if (!isObject(template) || !isObject(template.Resources)) {
      throw new LbkitConfigError('not a CloudFormation template: no "Resources" object');
    }
    this.resources = template.Resources as Record<string, CfnResource>;
  }

  public ref(raw: unknown): ValueRef {
    if (raw === undefined || raw === null) return { value: REFERENCE };
    if (typeof raw === 'string') return { value: raw };
    if (typeof raw === 'number' || typeof raw === 'boolean') return { value: String(raw) };
    const links = new Set<string>();
    this.collectLinks(raw, links);
    if (links.size === 1) return { key: [...links][0], value: REFERENCE };
    return { value: REFERENCE };
  }

  public scalar(raw: unknown): unknown {
    return typeof raw === 'object' && raw !== null ? REFERENCE : raw;
  }

  /** Logical ids of template resources referred to anywhere inside an intrinsic. */
  private collectLinks(raw: unknown, links: Set<string>): void {
    if (Array.isArray(raw)) {
      raw.forEach((v) => this.collectLinks(v, links));
      return;
    }
    if (!isObject(raw)) return;
    const ref = raw.Ref;
    if (typeof ref === 'string') {
      if (this.resources[ref]) links.add(ref);
      return;
    }
    const getAtt = raw['Fn::GetAtt'];
    if (getAtt !== undefined) {
      const id = Array.isArray(getAtt) ? getAtt[0] : typeof getAtt === 'string' ? getAtt.split('.')[0] : undefined;
      if (typeof id === 'string' && this.resources[id]) links.add(id);
      return;
    }
    const sub = raw['Fn::Sub'];
    const subText = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
    if (subText !== undefined) {
      for (const m of subText.matchAll(/\$\{([A-Za-z0-9]+)(\.[^}]*)?\}/g)) {
        if (this.resources[m[1]]) links.add(m[1]);
      }
    }
    for (const [key, value] of Object.entries(raw)) {
      if (key.startsWith('Fn::') && key !== 'Fn::Sub') this.collectLinks(value, links);
    }
  }
}

/** Value of tag `key` in a CloudFormation Tags list. */
export function cfnTag(tags: unknown, key: string): string | undefined {
  if (!Array.isArray(tags)) return undefined;
  const tag = tags.find((t) => isObject(t) && t.Key === key);
  return isObject(tag) && typeof tag.Value === 'string' ? tag.Value : undefined;
}

/** A reader of one CloudFormation resource type, handed the resource's Properties (an empty object when it has none). */
export function cfnMapping(
  resourceType: string,
  read: (id: string, properties: Record<string, unknown>, doc: CfnTemplate, resource: Record<string, unknown>) => Part[],
): ResourceMapping<CfnTemplate> {
  return {
    resourceTypes: [resourceType],
    read: (id, resource, doc) => read(id, (resource.Properties ?? {}) as Record<string, unknown>, doc, resource),
  };
}
