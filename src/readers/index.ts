export { readCloudFormation, readDnsCloudFormation, CLOUDFORMATION_READERS } from './cloudformation';
export { readTerraform, readDnsTerraform, TERRAFORM_READERS } from './terraform';
export { readSynthesized, readSynthesizedFile, detectEngine, requireEngine } from './read-file';
export type { SynthesizedEngine, SynthesizedModels } from './read-file';
export type { DnsRoutingModel } from '../core/model/dns-routing-model';
export { LbkitConfigError } from './errors';
export { isApplicationModel, isNetworkModel } from '../core/model/any-load-balancer-model';
export type { AnyLoadBalancerModel } from '../core/model/any-load-balancer-model';
