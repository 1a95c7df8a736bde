import { Annotations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { renderAliasRecords } from './alias-records';
import { CdkLoadBalancerProps } from './cdk-load-balancer-props';
import { renderCertificates } from './certificates';
import { renderDashboard } from './dashboard';
import { loadBalancerFacts, selectLoadBalancerSubnets } from './engine-facts';
import { renderLoadBalancer } from './load-balancer';
import { networkLoadBalancerAttributes } from './load-balancer-attributes';
import { MetricReferences, renderAlarms } from './monitoring-alarms';
import { acknowledgeNagRules, NLB_ACCESS_LOGS_TLS_ONLY, PUBLIC_SERVICE_INGRESS } from './nag-acknowledgements';
import { logicalName } from './names';
import { quicServerIdOf } from './quic-server-target';
import { renderNetworkTargetGroup, RenderedNetworkTargetGroup } from './target-group';
import { TcpServiceListener } from './tcp-service-listener';
import { TcpServiceResources } from './tcp-service-resources';
import { LISTENER_ATTRIBUTE, LISTENER_TAG, writesTcpIdleTimeout } from '../core/contract';
import { LbkitValidationError } from '../core/errors';
import { NetworkLoadBalancerModel } from '../core/model/network-load-balancer-model';
import { takesSecurityGroup } from '../core/model/quic';
import { TcpServiceLoadBalancerBaseOptions } from '../core/options/tcp-service-options';
import { planTcpService, TcpServicePlan } from '../core/plan/tcp-service-plan';
import { checkQuicServerIds } from '../core/validation/quic';

/** Properties of a {@link TcpServiceLoadBalancer} on the CloudFormation engine. */
export interface TcpServiceLoadBalancerProps extends TcpServiceLoadBalancerBaseOptions, CdkLoadBalancerProps {
  /**
   * The service ports, each a listener with its own target group, with the CDK targets of that group.
   * @default - none: planning refuses a load balancer without listeners
   */
  readonly listeners?: TcpServiceListener[];
}

/**
 * A Network Load Balancer for TCP, UDP and TLS services (game servers, MQTT, databases, gRPC
 * without routing), with lbkit's best practices as defaults: a target group per listener with
 * TCP health checks, long draining, cross-zone on, client IPs preserved, TLS terminated with a
 * TLS 1.3 policy or passed through, a security group open only on the listener ports, access
 * logs for TLS, deletion protection and optional static Elastic IPs.
 *
 * Everything it renders comes from the engine-neutral plan (`planTcpService`); this class only
 * translates that plan into CloudFormation.
 */
export class TcpServiceLoadBalancer extends Construct implements ec2.IConnectable {
  /** The load balancer, for references (metrics, alias targets, VPC endpoint services...). */
  public readonly loadBalancer: elbv2.INetworkLoadBalancer;
  /** ARN of the load balancer. */
  public readonly loadBalancerArn: string;
  /** DNS name of the load balancer. */
  public readonly loadBalancerDnsName: string;
  /** Route 53 hosted zone id of the load balancer, for alias records. */
  public readonly loadBalancerCanonicalHostedZoneId: string;
  /**
   * The load balancer's security group (its rules are exactly the plan's).
   * @default - none when a listener is QUIC or TCP_QUIC: AWS allows no security group on such a load balancer
   */
  public readonly securityGroup?: ec2.ISecurityGroup;
  /** Network connections of the load balancer (let targets allow it in). */
  public readonly connections: ec2.Connections;
  /**
   * The bucket receiving access logs.
   * @default - none when access logs are off (no listener terminates TLS)
   */
  public readonly accessLogBucket?: s3.IBucket;
  /**
   * The CloudFormation resources it created, by role (L1 `Cfn*` objects): the escape hatch for
   * what lbkit does not model, with `addPropertyOverride`. See "When lbkit does not model it".
   */
  public readonly resources: TcpServiceResources;

  /** @internal */
  public readonly _plan: TcpServicePlan;

  private readonly targetGroups = new Map<string, RenderedNetworkTargetGroup>();

  constructor(scope: Construct, id: string, props: TcpServiceLoadBalancerProps) {
    super(scope, id);
    const subnets = selectLoadBalancerSubnets(props);
    this._plan = planTcpService(props, loadBalancerFacts(this, props, subnets));
    const model: NetworkLoadBalancerModel = this._plan.model;
    for (const advice of this._plan.advice) Annotations.of(this).addWarningV2(advice.id, advice.message);

    // Security group, access logs (TLS listeners only), Elastic IPs and the load balancer.
    const rendered = renderLoadBalancer(this, model, {
      kind: 'network',
      publicIngress: PUBLIC_SERVICE_INGRESS,
      attributes: (bucketName) => networkLoadBalancerAttributes(model, bucketName),
      withoutSecurityGroup: !takesSecurityGroup(model),
    }, props, subnets.subnetIds);
    const lb = rendered.resource;
    if (!model.accessLogs.enabled && !model.listeners.some((l) => l.protocol === 'TLS')) {
      acknowledgeNagRules(lb, [NLB_ACCESS_LOGS_TLS_ONLY]);
    }
    this.securityGroup = rendered.securityGroup;
    this.connections = rendered.connections;
    this.accessLogBucket = rendered.accessLogBucket;
    this.loadBalancerArn = lb.ref;
    this.loadBalancerDnsName = lb.attrDnsName;
    this.loadBalancerCanonicalHostedZoneId = lb.attrCanonicalHostedZoneId;
    this.loadBalancer = elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(this, 'LoadBalancerRef', {
      loadBalancerArn: lb.ref,
      loadBalancerDnsName: lb.attrDnsName,
      loadBalancerCanonicalHostedZoneId: lb.attrCanonicalHostedZoneId,
      ...(rendered.securityGroupId !== undefined ? { loadBalancerSecurityGroups: [rendered.securityGroupId] } : {}),
      vpc: props.vpc,
    });

    // Target groups and their targets.
    for (const tg of model.targetGroups) {
      this.targetGroups.set(tg.name, renderNetworkTargetGroup(this, `TargetGroup-${logicalName(tg.name)}`, props.vpc, tg));
    }
    for (const listener of props.listeners ?? []) {
      // planTcpService gives every listener a target group of its own name.
      const targets = listener.targets ?? [];
      const tg = model.targetGroups.find((g) => g.name === listener.name)!;
      checkQuicServerIds(this.node.path, `listeners["${listener.name}"].targets`, tg.protocol, targets.map(quicServerIdOf));
      if (targets.length) this.targetGroups.get(listener.name)!.group.addTarget(...targets);
    }

    // Listeners and their certificates: the first is each TLS listener's default, the rest SNI.
    const certificateArns = renderCertificates(this, model.certificates, props.hostedZone);
    const listeners = new Map<number, elbv2.CfnListener>();
    for (const l of model.listeners) {
      const listenerScope = new Construct(this, `Listener-${logicalName(l.name)}`);
      const tls = l.protocol === 'TLS';
      const target = this.targetGroups.get(l.targetGroup)!;
      const listener = new elbv2.CfnListener(listenerScope, 'Resource', {
        loadBalancerArn: lb.ref,
        port: l.port,
        protocol: l.protocol,
        ...(tls ? { sslPolicy: l.sslPolicy, alpnPolicy: [l.alpnPolicy!], certificates: [{ certificateArn: certificateArns[0] }] } : {}),
        ...(writesTcpIdleTimeout(l.idleTimeoutSeconds)
          ? { listenerAttributes: [{ key: LISTENER_ATTRIBUTE.tcpIdleTimeout, value: String(l.idleTimeoutSeconds) }] }
          : {}),
        defaultActions: [{ type: 'forward', targetGroupArn: target.group.targetGroupArn }],
      });
      listener.addMetadata(LISTENER_TAG, l.name);
      listeners.set(l.port, listener);
      if (tls) {
        certificateArns.slice(1).forEach((certificateArn, i) => new elbv2.CfnListenerCertificate(listenerScope, `SniCertificate${i + 1}`, {
          listenerArn: listener.ref,
          certificates: [{ certificateArn }],
        }));
      }
      // Anything attached to the target group (an ECS service, an auto scaling group) waits for
      // this listener, so the group is associated with the load balancer first.
      target.associateWith(elbv2.NetworkListener.fromNetworkListenerArn(listenerScope, 'Ref', listener.ref), listenerScope);
    }

    // DNS.
    const aliasRecords = renderAliasRecords(this, model.dnsRecords, props.hostedZone, lb.attrDnsName, lb.attrCanonicalHostedZoneId);

    // Alarms and the dashboard.
    const metricRefs: MetricReferences = {
      loadBalancer: lb.attrLoadBalancerFullName,
      targetGroup: (name) => this.targetGroups.get(name)!.group.targetGroupFullName,
    };
    const alarms = renderAlarms(this, model.monitoring.alarms, metricRefs);
    const dashboard = renderDashboard(this, model.name, model.monitoring.dashboard, metricRefs);

    this.resources = TcpServiceResources._of({
      path: this.node.path,
      loadBalancer: lb,
      ...(rendered.securityGroupResource ? { securityGroup: rendered.securityGroupResource } : {}),
      ...(rendered.managedLogBucket ? { accessLogBucket: rendered.managedLogBucket } : {}),
      ...(rendered.logBucketPolicy ? { accessLogBucketPolicy: rendered.logBucketPolicy } : {}),
      listeners,
      targetGroups: new Map([...this.targetGroups].map(([name, tg]) => [name, tg.group.node.defaultChild as elbv2.CfnTargetGroup])),
      aliasRecords,
      alarms,
      ...(dashboard ? { dashboard } : {}),
    });
  }

  /** Names of the listeners (each owns the target group of the same name), sorted. */
  public get targetGroupNames(): string[] {
    return [...this.targetGroups.keys()];
  }

  /**
   * The target group behind a listener, to attach an ECS service, an auto scaling group or more targets.
   * @param listenerName the listener's `name`
   */
  public targetGroup(listenerName: string): elbv2.INetworkTargetGroup {
    const tg = this.targetGroups.get(listenerName);
    if (!tg) {
      throw new LbkitValidationError(this.node.path, 'targetGroup(listenerName)',
        `names no listener (listeners: ${[...this.targetGroups.keys()].join(', ')})`, listenerName);
    }
    return tg.group;
  }
}
