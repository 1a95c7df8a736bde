import { Annotations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { renderAction, renderRuleActions } from './actions';
import { renderAliasRecords } from './alias-records';
import { CdkLoadBalancerProps } from './cdk-load-balancer-props';
import { renderCertificates } from './certificates';
import { renderConditions } from './conditions';
import { renderDashboard } from './dashboard';
import { loadBalancerFacts, selectLoadBalancerSubnets } from './engine-facts';
import { renderLambdaTargetGroup } from './lambda-target-group';
import { renderLoadBalancer } from './load-balancer';
import { loadBalancerAttributes } from './load-balancer-attributes';
import { MetricReferences, renderAlarms } from './monitoring-alarms';
import { PUBLIC_LISTENER_INGRESS } from './nag-acknowledgements';
import { logicalName } from './names';
import { renderTargetGroup } from './target-group';
import { renderTransforms } from './transforms';
import { renderMutualAuthentication } from './trust-store';
import { renderWaf } from './web-acl';
import { WebApiResources } from './web-api-resources';
import { WebApiRoute } from './web-api-route';
import { listenerHeaderAttributes, ROUTE_TAG } from '../core/contract';
import { LbkitValidationError } from '../core/errors';
import { compareText, LoadBalancerModel } from '../core/model/load-balancer-model';
import { TargetType } from '../core/options/enums';
import { WebApiLoadBalancerBaseOptions } from '../core/options/web-api-options';
import { logStreamPrefixes } from '../core/plan/alb-log-streams';
import { planWebApi, WebApiPlan } from '../core/plan/web-api-plan';
import { checkRouteTargets } from '../core/validation/route-targets';

/** Properties of a {@link WebApiLoadBalancer} on the CloudFormation engine. */
export interface WebApiLoadBalancerProps extends WebApiLoadBalancerBaseOptions, CdkLoadBalancerProps {
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
  /**
   * The CloudFormation resources it created, by role (L1 `Cfn*` objects): the escape hatch for
   * what lbkit does not model, with `addPropertyOverride`. See "When lbkit does not model it".
   */
  public readonly resources: WebApiResources;

  /** @internal */
  public readonly _plan: WebApiPlan;

  private readonly targetGroups = new Map<string, elbv2.ApplicationTargetGroup>();

  constructor(scope: Construct, id: string, props: WebApiLoadBalancerProps) {
    super(scope, id);
    const subnets = selectLoadBalancerSubnets(props);
    this._plan = planWebApi(props, loadBalancerFacts(this, props, subnets));
    const model: LoadBalancerModel = this._plan.model;
    for (const advice of this._plan.advice) Annotations.of(this).addWarningV2(advice.id, advice.message);

    // Security group, access logs and the load balancer.
    const rendered = renderLoadBalancer(this, model, {
      kind: 'application',
      publicIngress: PUBLIC_LISTENER_INGRESS,
      attributes: (bucketName) => loadBalancerAttributes(model, bucketName),
      otherLogPrefixes: logStreamPrefixes(model.connectionLogs, model.healthCheckLogs),
    }, props, subnets.subnetIds);
    const lb = rendered.resource;
    // An ALB always has its security group (only a QUIC NLB goes without).
    this.securityGroup = rendered.securityGroup!;
    this.connections = rendered.connections;
    this.accessLogBucket = rendered.accessLogBucket;
    this.loadBalancerArn = lb.ref;
    this.loadBalancerDnsName = lb.attrDnsName;
    this.loadBalancerCanonicalHostedZoneId = lb.attrCanonicalHostedZoneId;
    this.loadBalancer = elbv2.ApplicationLoadBalancer.fromApplicationLoadBalancerAttributes(this, 'LoadBalancerRef', {
      loadBalancerArn: lb.ref,
      loadBalancerDnsName: lb.attrDnsName,
      loadBalancerCanonicalHostedZoneId: lb.attrCanonicalHostedZoneId,
      securityGroupId: rendered.securityGroupId!,
      securityGroupAllowsAllOutbound: false,
      vpc: props.vpc,
    });

    // Target groups and their targets.
    for (const tg of model.targetGroups) {
      this.targetGroups.set(tg.name, renderTargetGroup(this, `TargetGroup-${logicalName(tg.name)}`, props.vpc, tg));
    }
    const routesByName = new Map((props.routes ?? []).map((r) => [r.name, r]));
    checkRouteTargets(this.node.path, (props.routes ?? []).map((r) => ({
      name: r.name, lambda: r.targetType === TargetType.LAMBDA, hasFunction: r.lambdaFunction !== undefined, targetCount: r.targets?.length ?? 0,
    })), this._plan.targetGroupRoutes);
    for (const tg of model.lambdaTargetGroups ?? []) {
      this.targetGroups.set(tg.name, renderLambdaTargetGroup(this, `TargetGroup-${logicalName(tg.name)}`, tg, routesByName.get(tg.name)!.lambdaFunction!));
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
    const httpsModel = model.listeners.find((l) => l.protocol === 'HTTPS');
    const mutualTls = renderMutualAuthentication(this, httpsModel?.mutualAuthentication, this._plan.uploads);
    let https: { scope: Construct; listener: elbv2.CfnListener } | undefined;
    const listeners = new Map<number, elbv2.CfnListener>();
    const rules = new Map<string, elbv2.CfnListenerRule>();
    for (const l of model.listeners) {
      const listenerScope = new Construct(this, l.protocol === 'HTTPS' ? 'HttpsListener' : 'HttpListener');
      const listener = new elbv2.CfnListener(listenerScope, 'Resource', {
        loadBalancerArn: lb.ref,
        port: l.port,
        protocol: l.protocol,
        ...(l.protocol === 'HTTPS' ? { sslPolicy: l.sslPolicy, certificates: [{ certificateArn: certificateArns[0] }] } : {}),
        ...(l.protocol === 'HTTPS' && mutualTls.property ? { mutualAuthentication: mutualTls.property } : {}),
        defaultActions: [renderAction(l.defaultAction, arnOf)],
      });
      const headerAttributes = listenerHeaderAttributes(l.headers);
      if (headerAttributes.length > 0) listener.listenerAttributes = headerAttributes.map(([key, value]) => ({ key, value }));
      listeners.set(l.port, listener);
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
          actions: renderRuleActions(rule, arnOf),
          transforms: renderTransforms(rule.transforms),
        });
        cfnRule.addMetadata(ROUTE_TAG, rule.route);
        rules.set(rule.route, cfnRule);
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
    const waf = renderWaf(this, model.name, model.waf, lb.ref);
    const aliasRecords = renderAliasRecords(this, model.dnsRecords, props.hostedZone, lb.attrDnsName, lb.attrCanonicalHostedZoneId);

    // Alarms and the dashboard.
    const metricRefs: MetricReferences = {
      loadBalancer: lb.attrLoadBalancerFullName,
      targetGroup: (name) => this.targetGroups.get(name)!.targetGroupFullName,
    };
    const alarms = renderAlarms(this, model.monitoring.alarms, metricRefs);
    const dashboard = renderDashboard(this, model.name, model.monitoring.dashboard, {
      ...metricRefs, ...(waf.webAcl ? { webAclRef: waf.webAcl.ref } : {}),
    });

    this.resources = WebApiResources._of({
      path: this.node.path,
      loadBalancer: lb,
      securityGroup: rendered.securityGroupResource!,
      ...(rendered.managedLogBucket ? { accessLogBucket: rendered.managedLogBucket } : {}),
      ...(rendered.logBucketPolicy ? { accessLogBucketPolicy: rendered.logBucketPolicy } : {}),
      listeners,
      rules,
      targetGroups: new Map([...this.targetGroups].sort(([a], [b]) => compareText(a, b))
        .map(([name, tg]) => [name, tg.node.defaultChild as elbv2.CfnTargetGroup])),
      ...(waf.webAcl ? { webAcl: waf.webAcl } : {}),
      ...(waf.association ? { webAclAssociation: waf.association } : {}),
      ...(mutualTls.trustStore ? { trustStore: mutualTls.trustStore.trustStore } : {}),
      ...(mutualTls.trustStore?.revocation ? { trustStoreRevocation: mutualTls.trustStore.revocation } : {}),
      aliasRecords,
      alarms,
      ...(dashboard ? { dashboard } : {}),
    });
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
