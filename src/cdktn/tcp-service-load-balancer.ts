// GENERATED from src/cdktf/tcp-service-load-balancer.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { LbListener } from '@cdktn/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktn/provider-aws/lib/lb-target-group';
import { Construct } from 'constructs';
import { terraformFacts } from './engine-facts';
import { refuseUnsupportedNetworkByProvider } from './provider-support';
import { LISTENER_TAG, writesTcpIdleTimeout } from '../core/contract';
import { addAdviceWarnings } from './render/advice';
import { renderCertificates, renderSniCertificates } from './render/certificates';
import { renderLoadBalancer } from './render/load-balancer';
import { renderMonitoring } from './render/monitoring';
import { useProvider } from './render/provider';
import { networkTargetGroupConfig } from './render/target-group';
import { checkTargetPorts, renderTargets, targetGroupNamed } from './render/targets';
import { TcpServiceListener } from './tcp-service-listener';
import { TcpServiceResources } from './tcp-service-resources';
import { TerraformLoadBalancerProps } from './terraform-load-balancer-props';
import { TcpServiceLoadBalancerBaseOptions } from '../core/options/tcp-service-options';
import { planTcpService, TcpServicePlan } from '../core/plan/tcp-service-plan';
import { checkQuicServerIds } from '../core/validation/quic';

/**
 * Properties of a Terraform `TcpServiceLoadBalancer`: the engine-neutral options plus the
 * network, certificates and DNS given as plain ids and ARNs.
 */
export interface TcpServiceLoadBalancerProps extends TcpServiceLoadBalancerBaseOptions, TerraformLoadBalancerProps {
  /**
   * The service ports, each a listener with its own target group and optionally fixed targets.
   * @default - none (planning fails: a TCP service load balancer needs at least one listener)
   */
  readonly listeners?: TcpServiceListener[];
}

/**
 * A Network Load Balancer for TCP, UDP and TLS services, right by default, rendered to
 * Terraform: one target group per listener with TCP (or HTTP) health checks, draining, client
 * IP preservation, cross-zone on, a security group on the load balancer, TLS terminated with a
 * modern policy or passed through, optional Elastic IPs, access logs and alias records. Every
 * default and check comes from lbkit's engine-neutral planner; this construct only translates
 * its model into AWS provider resources.
 */
export class TcpServiceLoadBalancer extends Construct {
  /** ARN of the load balancer. */
  public readonly loadBalancerArn: string;
  /** DNS name of the load balancer. */
  public readonly loadBalancerDnsName: string;
  /** Route 53 hosted zone id of the load balancer, for alias records. */
  public readonly loadBalancerZoneId: string;
  /**
   * Id of the load balancer's security group (allow it in the targets' security groups).
   * @default - none when a listener is QUIC or TCP_QUIC: AWS allows no security group on such a load balancer
   */
  public readonly securityGroupId?: string;
  /**
   * The Terraform resources it created, by role (AWS provider resource objects): the escape hatch
   * for what lbkit does not model, with `addOverride`. See "When lbkit does not model it".
   */
  public readonly resources: TcpServiceResources;

  /** @internal */
  public readonly _plan: TcpServicePlan;

  private readonly targetGroups = new Map<string, LbTargetGroup>();

  constructor(scope: Construct, id: string, props: TcpServiceLoadBalancerProps) {
    super(scope, id);
    const path = this.node.path;

    const plan = planTcpService(props, terraformFacts(this, props));
    this._plan = plan;
    const model = plan.model;
    refuseUnsupportedNetworkByProvider(path, model);
    const listenersByName = new Map((props.listeners ?? []).map((l) => [l.name, l]));
    for (const tg of model.targetGroups) {
      const targets = listenersByName.get(tg.name)?.targets ?? [];
      checkTargetPorts(path, `listeners["${tg.name}"].targets`, targets);
      checkQuicServerIds(path, `listeners["${tg.name}"].targets`, tg.protocol, targets.map((t) => t.quicServerId));
    }
    addAdviceWarnings(this, plan.advice);

    const rendered = renderLoadBalancer(this, model, props);
    const { loadBalancer: lb, securityGroup } = rendered;

    for (const tg of model.targetGroups) {
      const group = new LbTargetGroup(this, `TargetGroup-${tg.name}`, networkTargetGroupConfig(tg, props.vpcId));
      this.targetGroups.set(tg.name, group);
      renderTargets(this, tg.name, group.arn, tg.port, listenersByName.get(tg.name)?.targets ?? []);
    }

    const certificateArns = renderCertificates(this, model.certificates, props.hostedZoneId);
    const listeners = new Map<number, LbListener>();
    for (const listener of model.listeners) {
      const listenerId = `Listener-${listener.name}`;
      const tls = listener.protocol === 'TLS';
      const tfListener = new LbListener(this, listenerId, {
        loadBalancerArn: lb.arn,
        port: listener.port,
        protocol: listener.protocol,
        ...(tls ? { sslPolicy: listener.sslPolicy, alpnPolicy: listener.alpnPolicy, certificateArn: certificateArns[0] } : {}),
        ...(writesTcpIdleTimeout(listener.idleTimeoutSeconds) ? { tcpIdleTimeoutSeconds: listener.idleTimeoutSeconds } : {}),
        defaultAction: [{ type: 'forward', targetGroupArn: this.targetGroupArn(listener.targetGroup) }],
        tags: { [LISTENER_TAG]: listener.name },
      });
      listeners.set(listener.port, tfListener);
      if (tls) renderSniCertificates(this, listenerId, tfListener.arn, certificateArns);
    }

    const monitoring = renderMonitoring(this, model.name, model.monitoring, { loadBalancer: lb, targetGroups: this.targetGroups }, props);

    this.loadBalancerArn = lb.arn;
    this.loadBalancerDnsName = lb.dnsName;
    this.loadBalancerZoneId = lb.zoneId;
    if (securityGroup) this.securityGroupId = securityGroup.id;
    this.resources = TcpServiceResources._of({
      path,
      loadBalancer: lb,
      ...(securityGroup ? { securityGroup } : {}),
      ...(rendered.logBucket ? { accessLogBucket: rendered.logBucket.bucket, accessLogBucketPolicy: rendered.logBucket.policy } : {}),
      listeners,
      targetGroups: this.targetGroups,
      aliasRecords: rendered.aliasRecords,
      alarms: monitoring.alarms,
      ...(monitoring.dashboard ? { dashboard: monitoring.dashboard } : {}),
    });
    useProvider(this, props.provider);
  }

  /**
   * ARN of the target group behind a listener, for an ECS service's `load_balancer` block or
   * an auto scaling group's `target_group_arns`.
   * @param listenerName name of a listener
   */
  public targetGroupArn(listenerName: string): string {
    return targetGroupNamed(this.node.path, this.targetGroups, listenerName, 'targetGroupArn(listenerName)',
      { one: 'listener', many: 'listeners' }).arn;
  }
}
