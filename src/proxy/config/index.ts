export { readCloudFormation, CLOUDFORMATION_READERS } from './cloudformation';
export { readTerraform, TERRAFORM_READERS } from './terraform';
export { readSynthesized, readSynthesizedFile, detectEngine } from './read-file';
export type { SynthesizedEngine } from './read-file';
export { LbkitConfigError } from './errors';
export { isApplicationModel, isNetworkModel } from '../../core/model/any-load-balancer-model';
export type { AnyLoadBalancerModel } from '../../core/model/any-load-balancer-model';
