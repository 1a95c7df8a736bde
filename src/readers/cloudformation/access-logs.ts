import { BucketPart } from '../parts';
import { isObject, num, objects, str } from '../values';
import { cfnMapping } from './template';

/** AWS::S3::Bucket: an access-log bucket created with the stack; expiry from its lifecycle rules. */
export const bucketMapping = cfnMapping('AWS::S3::Bucket', (id, p, doc) => {
  const lifecycle = isObject(p.LifecycleConfiguration) ? p.LifecycleConfiguration : {};
  const rule = objects(lifecycle.Rules).find((r) => str(doc.scalar(r.Status), 'Enabled') === 'Enabled' && r.ExpirationInDays !== undefined);
  const expirationDays = rule ? num(doc.scalar(rule.ExpirationInDays), undefined, `bucket ${id} ExpirationInDays`) : undefined;
  const part: BucketPart = { kind: 'bucket', key: id, ...(expirationDays !== undefined ? { expirationDays } : {}) };
  return [part];
});
