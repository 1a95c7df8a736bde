import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { WebApiRendered } from './rendered';
import { renderedResource, RESOURCE_ROLES } from '../core/rendered-resources';

/**
 * The CloudFormation resources a {@link WebApiLoadBalancer} created, by role: the escape hatch
 * for what lbkit does not model. Each is the L1 `Cfn*` object, so `addPropertyOverride` and
 * `addOverride` work on it (`resources.loadBalancer.addPropertyOverride(...)`). An override of a
 * property lbkit models is read back as written; one lbkit does not model is ignored by its
 * readers and by `lbkit serve`, which warns once per property.
 */
export class WebApiResources {
  /** @internal */
  public static _of(rendered: WebApiRendered): WebApiResources {
    return new WebApiResources(rendered);
  }

  /** The `AWS::ElasticLoadBalancingV2::LoadBalancer`. */
  public readonly loadBalancer: elbv2.CfnLoadBalancer;
  /** The load balancer's `AWS::EC2::SecurityGroup`. */
  public readonly securityGroup: ec2.CfnSecurityGroup;
  /**
   * The access-log `AWS::S3::Bucket` lbkit created.
   * @default - none when access logs are off or go to a bucket given as `accessLogBucket`
   */
  public readonly accessLogBucket?: s3.CfnBucket;
  /**
   * The access-log bucket's `AWS::S3::BucketPolicy` granting log delivery.
   * @default - none when lbkit wrote no policy (logs off, or an imported bucket)
   */
  public readonly accessLogBucketPolicy?: s3.CfnBucketPolicy;
  /**
   * The `AWS::WAFv2::WebACL` lbkit created.
   * @default - none when the WAF is off or an existing web ACL is associated
   */
  public readonly webAcl?: wafv2.CfnWebACL;
  /**
   * The `AWS::WAFv2::WebACLAssociation` of the web ACL with the load balancer.
   * @default - none when the WAF is off
   */
  public readonly webAclAssociation?: wafv2.CfnWebACLAssociation;
  /**
   * The `AWS::ElasticLoadBalancingV2::TrustStore` of mutual TLS in verify mode.
   * @default - none when mutual TLS is off or in passthrough mode
   */
  public readonly trustStore?: elbv2.CfnTrustStore;
  /**
   * The `AWS::ElasticLoadBalancingV2::TrustStoreRevocation` holding the trust store's revocation lists.
   * @default - none when the trust store has no revocation list
   */
  public readonly trustStoreRevocation?: elbv2.CfnTrustStoreRevocation;
  /** The alias `AWS::Route53::RecordSet`s pointing at the load balancer (A, and AAAA with dual stack), in the model's order. */
  public readonly aliasRecords: route53.CfnRecordSet[];
  /**
   * The load balancer's `AWS::CloudWatch::Dashboard`.
   * @default - none when `dashboard` is false
   */
  public readonly dashboard?: cloudwatch.CfnDashboard;

  private constructor(private readonly rendered: WebApiRendered) {
    this.loadBalancer = rendered.loadBalancer;
    this.securityGroup = rendered.securityGroup;
    this.accessLogBucket = rendered.accessLogBucket;
    this.accessLogBucketPolicy = rendered.accessLogBucketPolicy;
    this.webAcl = rendered.webAcl;
    this.webAclAssociation = rendered.webAclAssociation;
    this.trustStore = rendered.trustStore;
    this.trustStoreRevocation = rendered.trustStoreRevocation;
    this.aliasRecords = [...rendered.aliasRecords];
    this.dashboard = rendered.dashboard;
  }

  /** Ids of lbkit's alarms (`elb-5xx`, `unhealthy-hosts:<target group>`...), sorted; empty when `alarms` is false. */
  public get alarmIds(): string[] {
    return [...this.rendered.alarms.keys()];
  }

  /**
   * One of lbkit's alarms (an L2 `cloudwatch.Alarm`, so `addAlarmAction` works on it), by its id:
   * `<kind>` for the load balancer's own alarms, `<kind>:<target group>` for a target group's.
   * The ids and what each alarm watches are in the README ("Operations by default").
   * @param id the alarm's id, e.g. `unhealthy-hosts:api`
   */
  public alarm(id: string): cloudwatch.Alarm {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.loadBalancerAlarm, this.rendered.alarms, id);
  }

  /** Ports of the listeners, in the model's order (80 when HTTP redirects, then 443). */
  public get listenerPorts(): number[] {
    return [...this.rendered.listeners.keys()];
  }

  /** Routes that have a listener rule (every route but the default one), in priority order. */
  public get ruleRoutes(): string[] {
    return [...this.rendered.rules.keys()];
  }

  /** Routes that own a target group, sorted. */
  public get targetGroupNames(): string[] {
    return [...this.rendered.targetGroups.keys()];
  }

  /**
   * The `AWS::ElasticLoadBalancingV2::Listener` on a port.
   * @param port the listener's port (443, or 80 for the HTTP redirect)
   */
  public listener(port: number): elbv2.CfnListener {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.listener, this.rendered.listeners, port);
  }

  /**
   * The `AWS::ElasticLoadBalancingV2::ListenerRule` of a route.
   * @param route the route's `name`
   */
  public rule(route: string): elbv2.CfnListenerRule {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.rule, this.rendered.rules, route);
  }

  /**
   * The `AWS::ElasticLoadBalancingV2::TargetGroup` of a route (the L2 group, to attach targets, is
   * `WebApiLoadBalancer.targetGroup(routeName)`).
   * @param route the route's `name`
   */
  public targetGroup(route: string): elbv2.CfnTargetGroup {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.targetGroup, this.rendered.targetGroups, route);
  }
}
