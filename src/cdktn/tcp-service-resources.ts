// GENERATED from src/cdktf/tcp-service-resources.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { CloudwatchDashboard } from '@cdktn/provider-aws/lib/cloudwatch-dashboard';
import { CloudwatchMetricAlarm } from '@cdktn/provider-aws/lib/cloudwatch-metric-alarm';
import { Lb } from '@cdktn/provider-aws/lib/lb';
import { LbListener } from '@cdktn/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktn/provider-aws/lib/lb-target-group';
import { Route53Record } from '@cdktn/provider-aws/lib/route53-record';
import { S3Bucket } from '@cdktn/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktn/provider-aws/lib/s3-bucket-policy';
import { SecurityGroup } from '@cdktn/provider-aws/lib/security-group';
import { TcpServiceRendered } from './rendered';
import { renderedResource, RESOURCE_ROLES } from '../core/rendered-resources';

/**
 * The Terraform resources a {@link TcpServiceLoadBalancer} created, by role: the escape hatch for
 * what lbkit does not model. Each is the AWS provider's resource object, so `addOverride` works
 * on it. An override of an argument lbkit models is read back as written; one lbkit does not
 * model is ignored by its readers and by `lbkit serve`, which warns once per argument.
 */
export class TcpServiceResources {
  /** @internal */
  public static _of(rendered: TcpServiceRendered): TcpServiceResources {
    return new TcpServiceResources(rendered);
  }

  /** The `aws_lb`. */
  public readonly loadBalancer: Lb;
  /**
   * The load balancer's `aws_security_group` (its rules are `aws_vpc_security_group_*_rule` resources of their own).
   * @default - none when a listener is QUIC or TCP_QUIC (AWS allows no security group there)
   */
  public readonly securityGroup?: SecurityGroup;
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
  /** The alias `aws_route53_record`s pointing at the load balancer, in the model's order. */
  public readonly aliasRecords: Route53Record[];
  /**
   * The load balancer's `aws_cloudwatch_dashboard`.
   * @default - none when the dashboard option is false
   */
  public readonly dashboard?: CloudwatchDashboard;

  private constructor(private readonly rendered: TcpServiceRendered) {
    this.loadBalancer = rendered.loadBalancer;
    this.securityGroup = rendered.securityGroup;
    this.accessLogBucket = rendered.accessLogBucket;
    this.accessLogBucketPolicy = rendered.accessLogBucketPolicy;
    this.aliasRecords = [...rendered.aliasRecords];
    this.dashboard = rendered.dashboard;
  }

  /** Ports of the listeners, in the model's order. */
  public get listenerPorts(): number[] {
    return [...this.rendered.listeners.keys()];
  }

  /** Names of the target groups (one per listener, named for it), sorted. */
  public get targetGroupNames(): string[] {
    return [...this.rendered.targetGroups.keys()];
  }

  /**
   * The `aws_lb_listener` on a port.
   * @param port the listener's port
   */
  public listener(port: number): LbListener {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.listener, this.rendered.listeners, port);
  }

  /**
   * The `aws_lb_target_group` behind a listener.
   * @param name the listener's `name`
   */
  public targetGroup(name: string): LbTargetGroup {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.targetGroup, this.rendered.targetGroups, name);
  }

  /** Ids of lbkit's alarms (`tcp-elb-resets`, `unhealthy-hosts:<listener>`...), sorted; empty when `alarms` is false. */
  public get alarmIds(): string[] {
    return [...this.rendered.alarms.keys()];
  }

  /**
   * One of the load balancer's `aws_cloudwatch_metric_alarm`s, e.g. to give it actions of its own.
   * @param id the alarm's id: `tcp-elb-resets`, or `<kind>:<target group>` such as `unhealthy-hosts:db`
   *   (the `lbkit:alarm` tag; the README lists them)
   */
  public alarm(id: string): CloudwatchMetricAlarm {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.loadBalancerAlarm, this.rendered.alarms, id);
  }
}
