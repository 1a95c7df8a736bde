// lbkit/testing: the testing kit for jest and vitest — a local load balancer in the test's
// process, route assertions without a server, and snapshot normalization for both engines.
export { startLocalLoadBalancer } from './local-load-balancer';
export type { LocalListener, LocalLoadBalancer, LocalLoadBalancerOptions } from './local-load-balancer';
export type { LocalFetch } from './local-fetch';
export type { HttpTargetHandler, TargetSpec, TargetSpecs, TcpTargetHandler } from './target-spec';
export { routeFor } from './route-for';
export type { RouteDecision } from './route-for';
export type { RouteRequest } from './route-request';
export { unreachableRoutes } from './unreachable-routes';
export type { UnreachableRoute } from './unreachable-routes';
export { lbkitMatchers } from './matchers';
export type { ExpectedRoute, LbkitMatchers, MatcherResult } from './matchers';
export { loadBalancerModel } from './load-balancer-input';
export type { LoadBalancerInput } from './load-balancer-input';
export type { ChooseLoadBalancerOptions } from './choose-load-balancer';
export { synthesize } from './synthesized-output';
export type { SynthesizedSource } from './synthesized-output';
export { normalizeSynthesized, lbkitSnapshotSerializer, PLACEHOLDERS } from './normalize-synthesized';
export { TestingKitError } from './errors';
export { clientCertificateAuthority } from './client-ca';
export type { ClientCertificate, ClientCertificateAuthority, ClientCertificateOptions } from './client-ca';
export type { TrustStoreInput } from '../proxy/tls/trust-store-files';
export { LbkitConfigError } from './read-model';
export type { Endpoint } from '../proxy/targets/endpoint';
export type { TargetGroupHealth } from '../proxy/server';
export type { TargetHealthEntry } from '../proxy/targets/target-group';
export type { AnyLoadBalancerModel } from './read-model';
export type { UnmodeledProperty } from '../readers/unmodeled';
