import { AliasRecordPart } from '../parts';
import { ResourceMapping } from '../registry';
import { block, str } from '../values';
import { TfConfig } from './config';

/** aws_route53_record: A / AAAA alias records (validation CNAMEs and others are ignored). */
export const awsRoute53RecordMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_route53_record'],
  read: (id, b, doc) => {
    const type = str(doc.scalar(b.type), '');
    const alias = block(b.alias);
    if (!alias || (type !== 'A' && type !== 'AAAA')) return [];
    const part: AliasRecordPart = { kind: 'alias-record', key: id, name: str(doc.scalar(b.name), ''), type, target: doc.ref(alias.name) };
    return [part];
  },
};
