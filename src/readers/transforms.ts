import { LbkitConfigError } from './errors';
import { TransformModel, TransformTypeValue } from '../core/model/load-balancer-model';

/** One rule transform as an engine writes it, its fields read as strings. */
export interface TransformEntry {
  readonly type: string;
  readonly rewrites: ReadonlyArray<{ readonly regex: string; readonly replace: string }>;
}

/** The order rules carry transforms in (the renderers write the host rewrite first). */
const TRANSFORM_ORDER: readonly TransformTypeValue[] = ['host-header-rewrite', 'url-rewrite'];

/**
 * A rule's transforms in the model: known types only, one of each (AWS's limit), one rewrite each
 * (Terraform's `rewrite` is a single block, so the model holds one); undefined when there are none.
 */
export function transformsModel(entries: TransformEntry[], where: string): TransformModel[] | undefined {
  if (entries.length === 0) return undefined;
  const byType = new Map<TransformTypeValue, TransformModel>();
  for (const entry of entries) {
    const type = TRANSFORM_ORDER.find((t) => t === entry.type);
    if (!type) throw new LbkitConfigError(`${where}: unsupported transform type ${JSON.stringify(entry.type)} (expected ${TRANSFORM_ORDER.join(' or ')})`);
    if (byType.has(type)) throw new LbkitConfigError(`${where}: more than one ${type} transform; AWS allows one of each type per rule`);
    if (entry.rewrites.length !== 1) {
      throw new LbkitConfigError(`${where}: the ${type} transform has ${entry.rewrites.length} rewrites; lbkit models exactly one per transform`);
    }
    byType.set(type, { type, ...entry.rewrites[0] });
  }
  return TRANSFORM_ORDER.flatMap((t) => (byType.has(t) ? [byType.get(t)!] : []));
}
