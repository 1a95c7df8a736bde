import { BucketPart } from '../parts';
import { ResourceMapping } from '../registry';
import { isObject, num, objects, str } from '../values';
import { CfnTemplate } from './template';

/** AWS::S3::Bucket: an access-log bucket created with the stack; expiry from its lifecycle rules. */
export const bucketMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::S3::Bucket'],
  read: (id, resource, doc) => {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    const lifecycle = isObject(p.LifecycleConfiguration) ? p.LifecycleConfiguration : {};
    const rule = objects(lifecycle.Rules).find((r) => str(doc.scalar(r.Status), 'Enabled') === 'Enabled' && r.ExpirationInDays !== undefined);
    const expirationDays = rule ? num(doc.scalar(rule.ExpirationInDays), undefined, `bucket ${id} ExpirationInDays`) : undefined;
    const part: BucketPart = { kind: 'bucket', key: id, ...(expirationDays !== undefined ? { expirationDays } : {}) };
    return [part];
  },
};
