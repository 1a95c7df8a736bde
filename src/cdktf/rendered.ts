import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbListenerRule } from '@cdktf/provider-aws/lib/lb-listener-rule';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbTrustStore } from '@cdktf/provider-aws/lib/lb-trust-store';
import { LbTrustStoreRevocation } from '@cdktf/provider-aws/lib/lb-trust-store-revocation';
import { Route53HealthCheck } from '@cdktf/provider-aws/lib/route53-health-check';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';

// What each construct collects while rendering, handed to its `*Resources` (not exported from the package).

/** What every load balancer construct rendered, as it collects it. */
export interface LoadBalancerRendered {
  readonly path: string;
  readonly loadBalancer: Lb;
  /** None on an NLB with a QUIC listener (AWS refuses a security group there). */
  readonly securityGroup?: SecurityGroup;
  readonly accessLogBucket?: S3Bucket;
  readonly accessLogBucketPolicy?: S3BucketPolicy;
  readonly listeners: ReadonlyMap<number, LbListener>;
  readonly targetGroups: ReadonlyMap<string, LbTargetGroup>;
  readonly aliasRecords: Route53Record[];
  /** The load balancer's alarms by id (empty when alarms are off). */
  readonly alarms: ReadonlyMap<string, CloudwatchMetricAlarm>;
  readonly dashboard?: CloudwatchDashboard;
}

/** What a WebApiLoadBalancer rendered: a load balancer's resources, its listener rules and its web ACL. */
export interface WebApiRendered extends LoadBalancerRendered {
  /** An ALB always has one. */
  readonly securityGroup: SecurityGroup;
  readonly rules: ReadonlyMap<string, LbListenerRule>;
  readonly webAcl?: Wafv2WebAcl;
  readonly webAclAssociation?: Wafv2WebAclAssociation;
  readonly trustStore?: LbTrustStore;
  readonly trustStoreRevocations?: LbTrustStoreRevocation[];
  readonly trustStoreBucket?: S3Bucket;
  readonly trustStoreObjects?: S3Object[];
}

/** What a TcpServiceLoadBalancer rendered. */
export type TcpServiceRendered = LoadBalancerRendered;

/** What a GlobalFailover rendered, as the construct collects it. */
export interface GlobalFailoverRendered {
  readonly path: string;
  readonly healthChecks: ReadonlyMap<string, Route53HealthCheck>;
  readonly alarms: ReadonlyMap<string, CloudwatchMetricAlarm>;
  readonly records: Route53Record[];
}
