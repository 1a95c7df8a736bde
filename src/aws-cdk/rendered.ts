import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';

// What each construct collects while rendering, handed to its `*Resources` (not exported from the package).

/** What every load balancer construct rendered, as it collects it. */
export interface LoadBalancerRendered {
  readonly path: string;
  readonly loadBalancer: elbv2.CfnLoadBalancer;
  /** None on an NLB with a QUIC listener (AWS refuses a security group there). */
  readonly securityGroup?: ec2.CfnSecurityGroup;
  readonly accessLogBucket?: s3.CfnBucket;
  readonly accessLogBucketPolicy?: s3.CfnBucketPolicy;
  readonly listeners: ReadonlyMap<number, elbv2.CfnListener>;
  readonly targetGroups: ReadonlyMap<string, elbv2.CfnTargetGroup>;
  readonly aliasRecords: route53.CfnRecordSet[];
  /** lbkit's alarms on the load balancer and its target groups, by alarm id. */
  readonly alarms: ReadonlyMap<string, cloudwatch.Alarm>;
  readonly dashboard?: cloudwatch.CfnDashboard;
}

/** What a WebApiLoadBalancer rendered: a load balancer's resources, its listener rules and its web ACL. */
export interface WebApiRendered extends LoadBalancerRendered {
  /** An ALB always has one. */
  readonly securityGroup: ec2.CfnSecurityGroup;
  readonly rules: ReadonlyMap<string, elbv2.CfnListenerRule>;
  readonly webAcl?: wafv2.CfnWebACL;
  readonly webAclAssociation?: wafv2.CfnWebACLAssociation;
  readonly trustStore?: elbv2.CfnTrustStore;
  readonly trustStoreRevocation?: elbv2.CfnTrustStoreRevocation;
}

/** What a TcpServiceLoadBalancer rendered. */
export type TcpServiceRendered = LoadBalancerRendered;

/** What a GlobalFailover rendered, as the construct collects it. */
export interface GlobalFailoverRendered {
  readonly path: string;
  readonly healthChecks: ReadonlyMap<string, route53.CfnHealthCheck>;
  readonly alarms: ReadonlyMap<string, cloudwatch.CfnAlarm>;
  readonly records: route53.CfnRecordSet[];
}
