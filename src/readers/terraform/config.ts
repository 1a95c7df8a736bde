import { REFERENCE } from '../../core/model/load-balancer-model';
import { LbkitConfigError } from '../errors';
import { ValueRef } from '../parts';
import { isObject, SourceDocument } from '../values';

export interface TfResource {
  readonly type: string;
  readonly name: string;
  /** `type.name`, the key references use. */
  readonly key: string;
  readonly body: Record<string, unknown>;
}

const INTERPOLATION = /\$\{([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?(?:\.[^}]*)?\}/g;

/**
 * A synthesized Terraform JSON configuration (cdk.tf.json). An interpolation of a resource
 * of the same configuration (`${aws_lb.x.arn}`) links to it; any other expression (a
 * variable, a data source, a local) reads as REFERENCE.
 */
export class TfConfig implements SourceDocument {
  /** In document order: by resource type, then by name, as written. */
  public readonly resources: TfResource[] = [];
  private readonly keys = new Set<string>();
  private readonly data: Record<string, unknown>;

  constructor(config: unknown) {
    if (!isObject(config) || (!isObject(config.resource) && !isObject(config.terraform))) {
      throw new LbkitConfigError('not a Terraform JSON configuration: no "resource" or "terraform" object');
    }
    this.data = isObject(config.data) ? config.data : {};
    const resource = isObject(config.resource) ? config.resource : {};
    for (const [type, byName] of Object.entries(resource)) {
      if (!isObject(byName)) continue;
      for (const [name, body] of Object.entries(byName)) {
        if (!isObject(body)) continue;
        this.resources.push({ type, name, key: `${type}.${name}`, body });
        this.keys.add(`${type}.${name}`);
      }
    }
  }

  /** The body of `data.<type>.<name>`, when the configuration has it. */
  public dataSource(type: string, name: string): Record<string, unknown> | undefined {
    const byName = this.data[type];
    const body = isObject(byName) ? byName[name] : undefined;
    return isObject(body) ? body : undefined;
  }

  public ref(raw: unknown): ValueRef {
    if (raw === undefined || raw === null) return { value: REFERENCE };
    if (typeof raw === 'number' || typeof raw === 'boolean') return { value: String(raw) };
    if (typeof raw !== 'string') return { value: REFERENCE };
    if (!raw.includes('${')) return { value: raw };
    const links = new Set<string>();
    for (const m of raw.matchAll(INTERPOLATION)) {
      const key = `${m[1]}.${m[2]}`;
      if (this.keys.has(key)) links.add(key);
    }
    return links.size === 1 ? { key: [...links][0], value: REFERENCE } : { value: REFERENCE };
  }

  public scalar(raw: unknown): unknown {
    if (typeof raw === 'string' && raw.includes('${')) return REFERENCE;
    if (typeof raw === 'object' && raw !== null) return REFERENCE;
    return raw;
  }
}

/** Value of tag `key` in a Terraform tags map. */
export function tfTag(tags: unknown, key: string): string | undefined {
  return isObject(tags) && typeof tags[key] === 'string' ? tags[key] as string : undefined;
}
