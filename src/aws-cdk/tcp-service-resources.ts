import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { TcpServiceRendered } from './rendered';
import { renderedResource, RESOURCE_ROLES } from '../core/rendered-resources';

/**
 * The CloudFormation resources a {@link TcpServiceLoadBalancer} created, by role: the escape
 * hatch for what lbkit does not model. Each is the L1 `Cfn*` object, so `addPropertyOverride`
 * works on it. An override of a property lbkit models is read back as written; one lbkit does
 * not model is ignored by its readers and by `lbkit serve`, which warns once per property.
 */
export class TcpServiceResources {
  /** @internal */
  public static _of(rendered: TcpServiceRendered): TcpServiceResources {
    return new TcpServiceResources(rendered);
  }

  /** The `AWS::ElasticLoadBalancingV2::LoadBalancer`. */
  public readonly loadBalancer: elbv2.CfnLoadBalancer;
  /**
   * The load balancer's `AWS::EC2::SecurityGroup`.
   * @default - none when a listener is QUIC or TCP_QUIC (AWS allows no security group there)
   */
  public readonly securityGroup?: ec2.CfnSecurityGroup;
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
  /** The alias `AWS::Route53::RecordSet`s pointing at the load balancer, in the model's order. */
  public readonly aliasRecords: route53.CfnRecordSet[];
  /**
   * The load balancer's `AWS::CloudWatch::Dashboard`.
   * @default - none when `dashboard` is false
   */
  public readonly dashboard?: cloudwatch.CfnDashboard;

  private constructor(private readonly rendered: TcpServiceRendered) {
    this.loadBalancer = rendered.loadBalancer;
    this.securityGroup = rendered.securityGroup;
    this.accessLogBucket = rendered.accessLogBucket;
    this.accessLogBucketPolicy = rendered.accessLogBucketPolicy;
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

  /** Ports of the listeners, in the model's order. */
  public get listenerPorts(): number[] {
    return [...this.rendered.listeners.keys()];
  }

  /** Names of the target groups (one per listener, named for it), sorted. */
  public get targetGroupNames(): string[] {
    return [...this.rendered.targetGroups.keys()];
  }

  /**
   * The `AWS::ElasticLoadBalancingV2::Listener` on a port.
   * @param port the listener's port
   */
  public listener(port: number): elbv2.CfnListener {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.listener, this.rendered.listeners, port);
  }

  /**
   * The `AWS::ElasticLoadBalancingV2::TargetGroup` behind a listener (the L2 group, to attach
   * targets, is `TcpServiceLoadBalancer.targetGroup(listenerName)`).
   * @param name the listener's `name`
   */
  public targetGroup(name: string): elbv2.CfnTargetGroup {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.targetGroup, this.rendered.targetGroups, name);
  }
}
