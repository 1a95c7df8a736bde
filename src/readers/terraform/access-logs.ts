import { ResourceMapping } from '../registry';
import { block, num, objects, str } from '../values';
import { TfConfig } from './config';

/** aws_s3_bucket: an access-log bucket created with the configuration. */
export const awsS3BucketMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_s3_bucket'],
  read: (id) => [{ kind: 'bucket', key: id }],
};

/** aws_s3_bucket_lifecycle_configuration: the expiry of a bucket's objects. */
export const awsS3BucketLifecycleMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_s3_bucket_lifecycle_configuration'],
  read: (id, b, doc) => {
    const rule = objects(b.rule).find((r) => str(doc.scalar(r.status), 'Enabled') === 'Enabled' && block(r.expiration)?.days !== undefined);
    const days = rule ? num(doc.scalar(block(rule.expiration)?.days), undefined, `bucket lifecycle ${id} expiration.days`) : undefined;
    return [{ kind: 'bucket-lifecycle', key: id, bucket: doc.ref(b.bucket), ...(days !== undefined ? { expirationDays: days } : {}) }];
  },
};
