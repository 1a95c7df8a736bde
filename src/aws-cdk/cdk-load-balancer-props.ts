import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * The CDK-typed inputs every lbkit load balancer on CloudFormation takes beside its
 * engine-neutral options: the network, certificates, DNS and the log bucket.
 */
export interface CdkLoadBalancerProps {
  /** The VPC the load balancer and its targets live in. */
  readonly vpc: ec2.IVpc;
  /**
   * Subnets for the load balancer, in at least two availability zones.
   * @default - the public subnets when internet-facing (clients reach it from the internet),
   * the VPC's default private subnets otherwise
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Existing ACM certificates for the listeners that terminate TLS (the HTTPS listener of an
   * ALB, the TLS listeners of an NLB), before any managed ones: the first certificate overall
   * is the listeners' default, the rest are served by SNI.
   * @default - none: `managedCertificates` must then hold any certificate the listeners need
   */
  readonly certificates?: acm.ICertificate[];
  /**
   * Hosted zone that validates managed certificates and holds the alias records.
   * @default - none: `managedCertificates` and `aliasRecordNames` need one
   */
  readonly hostedZone?: route53.IHostedZone;
  /**
   * Existing bucket for access logs instead of a new one. A bucket of this CDK app gets the
   * log-delivery grant in its policy; an imported bucket's policy is left alone and must
   * already allow delivery.
   * @default - a new encrypted, private, TLS-only bucket with lifecycle expiry (when logs are on)
   */
  readonly accessLogBucket?: s3.IBucket;
}
