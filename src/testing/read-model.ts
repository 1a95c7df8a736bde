// The one place lbkit/testing imports the readers (so moving them changes one line).
export { detectEngine, isApplicationModel, isNetworkModel, LbkitConfigError, readSynthesized } from '../proxy/config';
export type { AnyLoadBalancerModel, SynthesizedEngine } from '../proxy/config';
