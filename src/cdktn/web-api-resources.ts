// GENERATED from src/cdktf/web-api-resources.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { CloudwatchDashboard } from '@cdktn/provider-aws/lib/cloudwatch-dashboard';
import { CloudwatchMetricAlarm } from '@cdktn/provider-aws/lib/cloudwatch-metric-alarm';
import { Lb } from '@cdktn/provider-aws/lib/lb';
import { LbListener } from '@cdktn/provider-aws/lib/lb-listener';
import { LbListenerRule } from '@cdktn/provider-aws/lib/lb-listener-rule';
import { LbTargetGroup } from '@cdktn/provider-aws/lib/lb-target-group';
import { LbTrustStore } from '@cdktn/provider-aws/lib/lb-trust-store';
import { LbTrustStoreRevocation } from '@cdktn/provider-aws/lib/lb-trust-store-revocation';
import { Route53Record } from '@cdktn/provider-aws/lib/route53-record';
import { S3Bucket } from '@cdktn/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktn/provider-aws/lib/s3-bucket-policy';
import { S3Object } from '@cdktn/provider-aws/lib/s3-object';
import { SecurityGroup } from '@cdktn/provider-aws/lib/security-group';
import { Wafv2WebAcl } from '@cdktn/provider-aws/lib/wafv2-web-acl';
import { Wafv2WebAclAssociation } from '@cdktn/provider-aws/lib/wafv2-web-acl-association';
import { WebApiRendered } from './rendered';
import { renderedResource, RESOURCE_ROLES } from '../core/rendered-resources';

/**
 * The Terraform resources a {@link WebApiLoadBalancer} created, by role: the escape hatch for
 * what lbkit does not model. Each is the AWS provider's resource object, so `addOverride` works
 * on it (`resources.loadBalancer.addOverride('preserve_host_header', true)`). An override of an
 * argument lbkit models is read back as written; one lbkit does not model is ignored by its
 * readers and by `lbkit serve`, which warns once per argument.
 */
export class WebApiResources {
  /** @internal */
  public static _of(rendered: WebApiRendered): WebApiResources {
    return new WebApiResources(rendered);
  }

  /** The `aws_lb`. */
  public readonly loadBalancer: Lb;
  /** The load balancer's `aws_security_group` (its rules are `aws_vpc_security_group_*_rule` resources of their own). */
  public readonly securityGroup: SecurityGroup;
  /**
   * The access-log `aws_s3_bucket` lbkit created.
   * @default - none when access logs are off or go to a bucket given by name
   */
  public readonly accessLogBucket?: S3Bucket;
  /**
   * The access-log bucket's `aws_s3_bucket_policy` granting log delivery.
   * @default - none when lbkit created no bucket
   */
  public readonly accessLogBucketPolicy?: S3BucketPolicy;
  /**
   * The `aws_wafv2_web_acl` lbkit created.
   * @default - none when the WAF is off or an existing web ACL is associated
   */
  public readonly webAcl?: Wafv2WebAcl;
  /**
   * The `aws_wafv2_web_acl_association` of the web ACL with the load balancer.
   * @default - none when the WAF is off
   */
  public readonly webAclAssociation?: Wafv2WebAclAssociation;
  /**
   * The `aws_lb_trust_store` of mutual TLS in verify mode.
   * @default - none when mutual TLS is off or in passthrough mode
   */
  public readonly trustStore?: LbTrustStore;
  /** The `aws_lb_trust_store_revocation`s, one per revocation list in order (empty without a trust store). */
  public readonly trustStoreRevocations: LbTrustStoreRevocation[];
  /**
   * The private `aws_s3_bucket` lbkit created for the trust store's uploaded files.
   * @default - none when no trust store file is a local file
   */
  public readonly trustStoreBucket?: S3Bucket;
  /** The `aws_s3_object`s of the trust store's uploaded files (CA bundle first, then revocation lists). */
  public readonly trustStoreObjects: S3Object[];
  /** The alias `aws_route53_record`s pointing at the load balancer (A, and AAAA with dual stack), in the model's order. */
  public readonly aliasRecords: Route53Record[];
  /**
   * The load balancer's `aws_cloudwatch_dashboard`.
   * @default - none when the dashboard option is false
   */
  public readonly dashboard?: CloudwatchDashboard;

  private constructor(private readonly rendered: WebApiRendered) {
    this.loadBalancer = rendered.loadBalancer;
    this.securityGroup = rendered.securityGroup;
    this.accessLogBucket = rendered.accessLogBucket;
    this.accessLogBucketPolicy = rendered.accessLogBucketPolicy;
    this.webAcl = rendered.webAcl;
    this.webAclAssociation = rendered.webAclAssociation;
    this.trustStore = rendered.trustStore;
    this.trustStoreRevocations = [...rendered.trustStoreRevocations ?? []];
    this.trustStoreBucket = rendered.trustStoreBucket;
    this.trustStoreObjects = [...rendered.trustStoreObjects ?? []];
    this.aliasRecords = [...rendered.aliasRecords];
    this.dashboard = rendered.dashboard;
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
   * The `aws_lb_listener` on a port.
   * @param port the listener's port (443, or 80 for the HTTP redirect)
   */
  public listener(port: number): LbListener {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.listener, this.rendered.listeners, port);
  }

  /**
   * The `aws_lb_listener_rule` of a route.
   * @param route the route's `name`
   */
  public rule(route: string): LbListenerRule {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.rule, this.rendered.rules, route);
  }

  /**
   * The `aws_lb_target_group` of a route.
   * @param route the route's `name`
   */
  public targetGroup(route: string): LbTargetGroup {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.targetGroup, this.rendered.targetGroups, route);
  }

  /** Ids of lbkit's alarms (`elb-5xx`, `unhealthy-hosts:<route>`...), sorted; empty when `alarms` is false. */
  public get alarmIds(): string[] {
    return [...this.rendered.alarms.keys()];
  }

  /**
   * One of the load balancer's `aws_cloudwatch_metric_alarm`s, e.g. to give it actions of its own.
   * @param id the alarm's id: `elb-5xx`, or `<kind>:<target group>` such as `unhealthy-hosts:orders`
   *   (the `lbkit:alarm` tag; the README lists them)
   */
  public alarm(id: string): CloudwatchMetricAlarm {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.loadBalancerAlarm, this.rendered.alarms, id);
  }
}
