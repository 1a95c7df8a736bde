import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';

// What each construct collects while rendering, handed to its `*Resources` (not exported from the package).

/** What a WebApiLoadBalancer rendered, as the construct collects it. */
export interface WebApiRendered {
  readonly path: string;
  readonly loadBalancer: elbv2.CfnLoadBalancer;
  readonly securityGroup: ec2.CfnSecurityGroup;
  readonly accessLogBucket?: s3.CfnBucket;
  readonly accessLogBucketPolicy?: s3.CfnBucketPolicy;
  readonly listeners: ReadonlyMap<number, elbv2.CfnListener>;
  readonly rules: ReadonlyMap<string, elbv2.CfnListenerRule>;
  readonly targetGroups: ReadonlyMap<string, elbv2.CfnTargetGroup>;
  readonly webAcl?: wafv2.CfnWebACL;
  readonly webAclAssociation?: wafv2.CfnWebACLAssociation;
  readonly aliasRecords: route53.CfnRecordSet[];
}


/** What a TcpServiceLoadBalancer rendered, as the construct collects it. */
export interface TcpServiceRendered {
  readonly path: string;
  readonly loadBalancer: elbv2.CfnLoadBalancer;
  readonly securityGroup: ec2.CfnSecurityGroup;
  readonly accessLogBucket?: s3.CfnBucket;
  readonly accessLogBucketPolicy?: s3.CfnBucketPolicy;
  readonly listeners: ReadonlyMap<number, elbv2.CfnListener>;
  readonly targetGroups: ReadonlyMap<string, elbv2.CfnTargetGroup>;
  readonly aliasRecords: route53.CfnRecordSet[];
}


/** What a GlobalFailover rendered, as the construct collects it. */
export interface GlobalFailoverRendered {
  readonly path: string;
  readonly healthChecks: ReadonlyMap<string, route53.CfnHealthCheck>;
  readonly alarms: ReadonlyMap<string, cloudwatch.CfnAlarm>;
  readonly records: route53.CfnRecordSet[];
}
