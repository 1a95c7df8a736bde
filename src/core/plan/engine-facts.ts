/**
 * What an engine knows that the options do not say (resolved from engine-typed props).
 * The same facts for every kind of load balancer; each plan reads the ones it needs.
 */
export interface LoadBalancerEngineFacts {
  /** Construct path, for error messages. */
  readonly path: string;
  /** Construct id; becomes the model's name (tag `lbkit:name`). */
  readonly name: string;
  /** ARNs of certificates given as engine references, in order. */
  readonly importedCertificateArns: string[];
  readonly hasHostedZone: boolean;
  /** Availability zones of the chosen subnets, when the engine knows them. */
  readonly availabilityZones?: string[];
  /** Number of subnets given, when zones are unknown. */
  readonly subnetCount?: number;
  /**
   * Chosen subnets the engine knows to have no IPv6 CIDR block (named for the user), for dual
   * stack; absent when the engine cannot tell (imported subnets, Terraform's subnet ids).
   */
  readonly subnetsWithoutIpv6?: string[];
  /** CIDR the targets live in (egress destination); usually the VPC's. */
  readonly targetCidr: string;
  /** Name of a user-given access-log bucket. */
  readonly existingLogBucketName?: string;
  /**
   * How this engine's construct names its engine-typed options, so errors point at the
   * option the user actually wrote (CDK: vpcSubnets/hostedZone/certificates; Terraform:
   * subnetIds/hostedZoneId/certificateArns).
   */
  readonly optionNames?: { readonly subnets?: string; readonly hostedZone?: string; readonly certificates?: string };
}

/** Engine facts of a WebApiLoadBalancer (ALB). */
export type WebApiEngineFacts = LoadBalancerEngineFacts;

/** Engine facts of a TcpServiceLoadBalancer (NLB): targetCidr is the VPC's, where NLB egress goes. */
export type TcpServiceEngineFacts = LoadBalancerEngineFacts;
