// GENERATED from src/cdktf/terraform-load-balancer-props.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { TerraformProvider } from 'cdktn';

/**
 * The Terraform-typed inputs every lbkit load balancer on Terraform takes, beside its
 * engine-neutral options: the network, certificates, DNS and logging, given as plain ids,
 * ARNs and names (no data sources: lbkit's plans run without AWS credentials).
 */
export interface TerraformLoadBalancerProps {
  /**
   * Id of the VPC the load balancer and its target groups live in.
   */
  readonly vpcId: string;
  /**
   * IPv4 CIDR of the VPC: the only destination the load balancer's security group lets
   * traffic out to (ports of the targets). Required rather than looked up, because a
   * data source would need AWS credentials and lbkit's plans run offline.
   */
  readonly vpcCidrBlock: string;
  /**
   * Subnets for the load balancer: at least two, in distinct availability zones (public
   * subnets when internet-facing). Zones cannot be read from ids without AWS; give
   * `availabilityZones` to have them checked. A list reference (a module output) is
   * accepted and not counted.
   */
  readonly subnetIds: string[];
  /**
   * Availability zone of each subnet in `subnetIds`, in the same order; used only to
   * check that the load balancer spans at least two zones.
   * @default - only the number of subnets is checked
   */
  readonly availabilityZones?: string[];
  /**
   * ARNs of existing ACM certificates; the first is the default certificate of the HTTPS
   * (ALB) or terminated TLS (NLB) listeners, the rest (and any managed certificates) are
   * served by SNI.
   * @default - none: managedCertificates must then hold any certificate the listeners need
   */
  readonly certificateArns?: string[];
  /**
   * Route 53 hosted zone for DNS validation of managed certificates and for alias records.
   * @default - none: managedCertificates and aliasRecordNames cannot be used
   */
  readonly hostedZoneId?: string;
  /**
   * An existing bucket for access logs; its policy must already let the region's
   * log-delivery principal write to it.
   * @default - lbkit creates an encrypted, private, TLS-only bucket with lifecycle expiry
   */
  readonly accessLogBucketName?: string;
  /**
   * Region of the load balancer (literal, e.g. `eu-west-1`). Needed for the bucket lbkit
   * creates for access logs, whose policy grants the region's log-delivery principal, and
   * named by each graph of the dashboard (there a provider's region may be a Terraform expression).
   * @default - the `region` of the stack's default AwsProvider (an error when that is not a literal)
   */
  readonly region?: string;
  /**
   * Account id of the load balancer, written into the access-log bucket policy's object
   * key (`AWSLogs/<account>/`) and, where delivery comes from a service principal, into an
   * `aws:SourceAccount` condition. Not looked up: that would take a data source and AWS
   * credentials at plan time.
   * @default '*' - any account's key in this private bucket; set it to keep other accounts' load balancers out
   */
  readonly accountId?: string;
  /**
   * The provider every resource of the load balancer is created with, e.g. an aliased
   * `AwsProvider` for another region in a one-stack, multi-region app (GlobalFailover). Its
   * `region`, when a literal, is the load balancer's region (unless `region` is given).
   * @default - the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}
