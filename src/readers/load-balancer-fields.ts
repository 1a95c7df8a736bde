import { Field } from './fields';
import { bool, num, str } from './values';
import { AWS_LOAD_BALANCER as AWS } from '../core/contract';
import { AlbAttributesModel, DesyncMitigationModeValue, XffModeValue } from '../core/model/load-balancer-model';
import { NlbAttributesModel } from '../core/model/network-load-balancer-model';

/** A load balancer's attributes as one engine spells them (CloudFormation attribute keys, Terraform arguments). */
export interface LoadBalancerAttributeFields {
  readonly where: string;
  /** application, network or gateway: which attributes apply. */
  readonly loadBalancerType: string;
  readonly idleTimeout: Field;
  readonly http2: Field;
  readonly dropInvalidHeaderFields: Field;
  readonly desyncMitigationMode: Field;
  readonly deletionProtection: Field;
  readonly xffHeaderProcessingMode: Field;
  readonly xffClientPort: Field;
  readonly crossZone: Field;
}

/** The attributes of the load balancer's kind; both engines' readers call this, so AWS's defaults for absent ones live once. */
export function readLoadBalancerAttributes(f: LoadBalancerAttributeFields): {
  attributes?: AlbAttributesModel;
  networkAttributes?: NlbAttributesModel;
} {
  const n = (field: Field, fallback: number) => num(field[0], fallback, `${f.where} ${field[1]}`);
  const b = (field: Field, fallback: boolean) => bool(field[0], fallback, `${f.where} ${field[1]}`);
  if (f.loadBalancerType === 'application') {
    const attributes: AlbAttributesModel = {
      idleTimeoutSeconds: n(f.idleTimeout, AWS.idleTimeoutSeconds),
      http2Enabled: b(f.http2, AWS.http2Enabled),
      dropInvalidHeaderFields: b(f.dropInvalidHeaderFields, AWS.dropInvalidHeaderFields),
      desyncMitigationMode: str(f.desyncMitigationMode[0], AWS.desyncMitigationMode) as DesyncMitigationModeValue,
      deletionProtection: b(f.deletionProtection, AWS.deletionProtection),
      xffHeaderProcessingMode: str(f.xffHeaderProcessingMode[0], AWS.xffHeaderProcessingMode) as XffModeValue,
      xffClientPort: b(f.xffClientPort, AWS.xffClientPort),
    };
    return { attributes };
  }
  if (f.loadBalancerType === 'network') {
    const networkAttributes: NlbAttributesModel = {
      crossZone: b(f.crossZone, AWS.crossZone),
      deletionProtection: b(f.deletionProtection, AWS.deletionProtection),
    };
    return { networkAttributes };
  }
  return {};
}
