// The one place lbkit/testing imports the readers (so moving them changes one line).
export { detectEngine, isApplicationModel, isNetworkModel, LbkitConfigError, readSynthesized, requireEngine } from '../readers';
export type { AnyLoadBalancerModel, SynthesizedEngine } from '../readers';
export { parseJsonText, readJsonFile } from '../readers/read-json-file';
export { isObject } from '../readers/values';
