import { AliasRecordPart } from '../parts';
import { ResourceMapping } from '../registry';
import { isObject, str } from '../values';
import { CfnTemplate } from './template';

/** AWS::Route53::RecordSet: A / AAAA alias records (the trailing dot is stripped when assembling). */
export const recordSetMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::Route53::RecordSet'],
  read: (id, resource, doc) => {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    const type = str(doc.scalar(p.Type), '');
    if (!isObject(p.AliasTarget) || (type !== 'A' && type !== 'AAAA')) return [];
    const part: AliasRecordPart = { kind: 'alias-record', key: id, name: str(doc.scalar(p.Name), ''), type, target: doc.ref(p.AliasTarget.DNSName) };
    return [part];
  },
};
