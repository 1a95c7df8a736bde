import { Annotations, Tags } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { renderAccessLogs } from './access-log-bucket';
import { renderAction } from './actions';
import { renderAliasRecords } from './alias-records';
import { renderCertificates } from './certificates';
import { renderConditions } from './conditions';
import { loadBalancerFacts, selectLoadBalancerSubnets } from './engine-facts';
import { loadBalancerAttributes } from './load-balancer-attributes';
import { PUBLIC_LISTENER_INGRESS } from './nag-acknowledgements';
import { logicalName } from './names';
import { renderSecurityGroup } from './security-group';
import { renderTargetGroup } from './target-group';
import { renderWaf } from './web-acl';
import { WebApiRoute } from './web-api-route';
import { NAME_TAG } from '../core/defaults';
import { LbkitValidationError } from '../core/errors';
import { LoadBalancerModel } from '../core/model/load-balancer-model';
import { WebApiLoadBalancerBaseOptions } from '../core/options/web-api-options';
import { planWebApi, WebApiPlan } from '../core/plan/web-api-plan';

/** Properties of a {@link WebApiLoadBalancer} on the CloudFormation engine. */
export interface WebApiLoadBalancerProps extends WebApiLoadBalancerBaseOptions {
  /** The VPC the load balancer and its targets live in. */
  readonly vpc: ec2.IVpc;
  /**
   * Subnets for the load balancer, in at least two availability zones.
   * @default - the public subnets when internet-facing (clients reach it from the internet),
   * the VPC's default private subnets otherwise
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Existing ACM certificates for the HTTPS listener, before any managed ones: the first
   * certificate overall is the listener's default, the rest are served by SNI.
   * @default - none: `managedCertificates` must then name at least one domain
   */
  readonly certificates?: acm.ICertificate[];
  /**
   * Hosted zone that validates managed certificates and holds the alias records.
   * @default - none: `managedCertificates` and `aliasRecordNames` need one
   */
  readonly hostedZone?: route53.IHostedZone;
  /**
   * Existing bucket for access logs instead of a new one. A bucket of this CDK app gets the
   * region's log-delivery grant in its policy; an imported bucket's policy is left alone and
   * must already allow delivery.
   * @default - a new encrypted, private, TLS-only bucket with lifecycle expiry
   */
  readonly accessLogBucket?: s3.IBucket;
  /**
   * Routes, in the order they are declared, with the CDK targets of their target groups.
   * @default - none: planning refuses a load balancer with nothing behind it
   */
  readonly routes?: WebApiRoute[];
}

/**
 * An internet-facing (or internal) Application Load Balancer for a web API, with lbkit's
 * best practices as defaults: HTTPS only with a TLS 1.3 policy, HTTP redirected, routes
 * with priorities by specificity, deep health checks, draining, access logs, WAF, hardened
 * attributes and a least-privilege security group.
 *
 * Everything it renders comes from the engine-neutral plan (`planWebApi`); this class only
 * translates that plan into CloudFormation.
 */
export class WebApiLoadBalancer extends Construct implements ec2.IConnectable {
  /** The load balancer, for references (metrics, alias targets, ...). */
  public readonly loadBalancer: elbv2.IApplicationLoadBalancer;
  /** ARN of the load balancer. */
  public readonly loadBalancerArn: string;
  /** DNS name of the load balancer. */
  public readonly loadBalancerDnsName: string;
  /** Route 53 hosted zone id of the load balancer, for alias records. */
  public readonly loadBalancerCanonicalHostedZoneId: string;
  /** The load balancer's security group (its rules are exactly the plan's). */
  public readonly securityGroup: ec2.ISecurityGroup;
  /** Network connections of the load balancer (let targets allow it in). */
  public readonly connections: ec2.Connections;
  /** The HTTPS listener. */
  public readonly httpsListener: elbv2.IApplicationListener;
  /**
   * The bucket receiving access logs.
   * @default - none when access logs are off
   */
  public readonly accessLogBucket?: s3.IBucket;

  /** @internal */
  public readonly _plan: WebApiPlan;

  private readonly targetGroups = new Map<string, elbv2.ApplicationTargetGroup>();

  constructor(scope: Construct, id: string, props: WebApiLoadBalancerProps) {
    super(scope, id);
    const subnets = selectLoadBalancerSubnets(props);
    this._plan = planWebApi(props, loadBalancerFacts(this, props, subnets));
    const model: LoadBalancerModel = this._plan.model;
    for (const advice of this._plan.advice) Annotations.of(this).addWarningV2(advice.id, advice.message);

    // Security group.
    const group = renderSecurityGroup(this, 'SecurityGroup', props.vpc, model.name, model.securityGroup, PUBLIC_LISTENER_INGRESS);
    this.securityGroup = ec2.SecurityGroup.fromSecurityGroupId(this, 'SecurityGroupRef', group.attrGroupId, {
      allowAllOutbound: false,
      mutable: false, // the plan owns the rules; targets open their own side through `connections`
    });
    this.connections = new ec2.Connections({ securityGroups: [this.securityGroup] });

    // Access logs.
    const { bucket: logBucket, policy: logPolicy } = renderAccessLogs(this, model.accessLogs, props.accessLogBucket, 'application');
    this.accessLogBucket = logBucket;

    // Load balancer.
    const lb = new elbv2.CfnLoadBalancer(this, 'LoadBalancer', {
      type: 'application',
      ...(model.loadBalancerName !== undefined ? { name: model.loadBalancerName } : {}),
      scheme: model.scheme,
      ipAddressType: model.ipAddressType,
      securityGroups: [group.attrGroupId],
      subnets: subnets.subnetIds,
      loadBalancerAttributes: loadBalancerAttributes(model, logBucket?.bucketName),
    });
    Tags.of(lb).add(NAME_TAG, model.name);
    if (logPolicy) lb.node.addDependency(logPolicy); // delivery is tested when the attribute is set
    this.loadBalancerArn = lb.ref;
    this.loadBalancerDnsName = lb.attrDnsName;
    this.loadBalancerCanonicalHostedZoneId = lb.attrCanonicalHostedZoneId;
    this.loadBalancer = elbv2.ApplicationLoadBalancer.fromApplicationLoadBalancerAttributes(this, 'LoadBalancerRef', {
      loadBalancerArn: lb.ref,
      loadBalancerDnsName: lb.attrDnsName,
      loadBalancerCanonicalHostedZoneId: lb.attrCanonicalHostedZoneId,
      securityGroupId: group.attrGroupId,
      securityGroupAllowsAllOutbound: false,
      vpc: props.vpc,
    });

    // Target groups and their targets.
    for (const tg of model.targetGroups) {
      this.targetGroups.set(tg.name, renderTargetGroup(this, `TargetGroup-${logicalName(tg.name)}`, props.vpc, tg));
    }
    for (const route of props.routes ?? []) {
      if (!route.targets?.length) continue;
      const tg = this.targetGroups.get(route.name);
      if (!tg) {
        throw new LbkitValidationError(this.node.path, `routes["${route.name}"].targets`,
          'are given but nothing forwards to this route, so it has no target group', route.targets.length);
      }
      tg.addTarget(...route.targets);
    }
    const arnOf = (name: string) => this.targetGroups.get(name)!.targetGroupArn;

    // Listeners, certificates and rules.
    const certificateArns = renderCertificates(this, model.certificates, props.hostedZone);
    let https: { scope: Construct; listener: elbv2.CfnListener } | undefined;
    for (const l of model.listeners) {
      const listenerScope = new Construct(this, l.protocol === 'HTTPS' ? 'HttpsListener' : 'HttpListener');
      const listener = new elbv2.CfnListener(listenerScope, 'Resource', {
        loadBalancerArn: lb.ref,
        port: l.port,
        protocol: l.protocol,
        ...(l.protocol === 'HTTPS' ? { sslPolicy: l.sslPolicy, certificates: [{ certificateArn: certificateArns[0] }] } : {}),
        defaultActions: [renderAction(l.defaultAction, arnOf)],
      });
      if (l.protocol === 'HTTPS') {
        https = { scope: listenerScope, listener };
        certificateArns.slice(1).forEach((certificateArn, i) => new elbv2.CfnListenerCertificate(listenerScope, `SniCertificate${i + 1}`, {
          listenerArn: listener.ref,
          certificates: [{ certificateArn }],
        }));
      }
      for (const rule of l.rules) {
        const cfnRule = new elbv2.CfnListenerRule(listenerScope, `Rule-${logicalName(rule.route)}`, {
          listenerArn: listener.ref,
          priority: rule.priority,
          conditions: renderConditions(rule.conditions),
          actions: [renderAction(rule.action, arnOf)],
        });
        cfnRule.addMetadata('lbkit:route', rule.route);
      }
    }
    this.httpsListener = elbv2.ApplicationListener.fromApplicationListenerAttributes(this, 'HttpsListenerRef', {
      listenerArn: https!.listener.ref,
      securityGroup: this.securityGroup,
    });
    // Anything attached to a target group (an ECS service, an auto scaling group) waits for the
    // HTTPS listener and its rules, so the group is associated with the load balancer first; and
    // connectable targets let the load balancer's security group in on the target port.
    for (const tg of this.targetGroups.values()) tg.registerListener(this.httpsListener, https!.scope);

    // WAF and DNS.
    renderWaf(this, model.name, model.waf, lb.ref);
    renderAliasRecords(this, model.dnsRecords, props.hostedZone, lb.attrDnsName, lb.attrCanonicalHostedZoneId);
  }

  /** Names of the routes that own a target group, sorted. */
  public get targetGroupRoutes(): string[] {
    return [...this._plan.targetGroupRoutes];
  }

  /**
   * The target group of a route, to attach an ECS service, an auto scaling group or more targets.
   * @param routeName the route's `name`
   */
  public targetGroup(routeName: string): elbv2.IApplicationTargetGroup {
    const tg = this.targetGroups.get(routeName);
    if (!tg) {
      throw new LbkitValidationError(this.node.path, 'targetGroup(routeName)',
        `names no route with a target group (routes with one: ${[...this.targetGroups.keys()].join(', ') || 'none'})`, routeName);
    }
    return tg;
  }
}
