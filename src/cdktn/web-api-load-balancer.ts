// GENERATED from src/cdktf/web-api-load-balancer.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { LbListener } from '@cdktn/provider-aws/lib/lb-listener';
import { LbListenerRule } from '@cdktn/provider-aws/lib/lb-listener-rule';
import { LbTargetGroup } from '@cdktn/provider-aws/lib/lb-target-group';
import { Construct } from 'constructs';
import { terraformFacts } from './engine-facts';
import { providerOnlyListenerRuleArguments, refuseUnsupportedByProvider } from './provider-support';
import { ROUTE_TAG } from '../core/contract';
import { listenerHeaderArguments } from './render/listener-headers';
import { LbkitValidationError } from '../core/errors';
import { renderAction, renderRuleActions } from './render/actions';
import { addAdviceWarnings } from './render/advice';
import { renderCertificates, renderSniCertificates } from './render/certificates';
import { renderConditions } from './render/conditions';
import { renderLambdaTarget } from './render/lambda-target';
import { renderLoadBalancer } from './render/load-balancer';
import { renderMonitoring } from './render/monitoring';
import { useProvider } from './render/provider';
import { lambdaTargetGroupConfig, targetGroupConfig } from './render/target-group';
import { checkTargetPorts, renderTargets, targetGroupNamed } from './render/targets';
import { renderMutualAuthentication } from './render/trust-store';
import { renderWaf } from './render/web-acl';
import { TerraformLoadBalancerProps } from './terraform-load-balancer-props';
import { WebApiResources } from './web-api-resources';
import { WebApiRoute } from './web-api-route';
import { compareText } from '../core/model/load-balancer-model';
import { TargetType } from '../core/options/enums';
import { WebApiLoadBalancerBaseOptions } from '../core/options/web-api-options';
import { planWebApi, WebApiPlan } from '../core/plan/web-api-plan';
import { checkQuicServerIds } from '../core/validation/quic';
import { checkRouteTargets } from '../core/validation/route-targets';

/**
 * Properties of a Terraform `WebApiLoadBalancer`: the engine-neutral options plus the
 * network, certificates and DNS given as plain ids and ARNs.
 */
export interface WebApiLoadBalancerProps extends WebApiLoadBalancerBaseOptions, TerraformLoadBalancerProps {
  /**
   * Routes, in the order they are declared, each optionally with fixed targets.
   * @default - none (planning fails: a web API load balancer needs at least one route)
   */
  readonly routes?: WebApiRoute[];
}

/**
 * An Application Load Balancer for a web API, right by default, rendered to Terraform:
 * HTTPS with a TLS 1.3 policy and HTTP redirected to it, routes with priorities by
 * specificity, health-checked target groups, access logs, WAF, hardening and alias records.
 * Every default and check comes from lbkit's engine-neutral planner; this construct only
 * translates its model into AWS provider resources.
 */
export class WebApiLoadBalancer extends Construct {
  /** ARN of the load balancer. */
  public readonly loadBalancerArn: string;
  /** DNS name of the load balancer. */
  public readonly loadBalancerDnsName: string;
  /** Route 53 hosted zone id of the load balancer, for alias records. */
  public readonly loadBalancerZoneId: string;
  /** Id of the load balancer's security group (allow it in the targets' security groups). */
  public readonly securityGroupId: string;
  /** ARN of the HTTPS listener. */
  public readonly httpsListenerArn: string;
  /**
   * ARN of the HTTP listener that redirects to HTTPS.
   * @default - none when redirectHttp is false
   */
  public readonly httpListenerArn?: string;
  /**
   * The Terraform resources it created, by role (AWS provider resource objects): the escape hatch
   * for what lbkit does not model, with `addOverride`. See "When lbkit does not model it".
   */
  public readonly resources: WebApiResources;

  /** @internal */
  public readonly _plan: WebApiPlan;

  private readonly targetGroups = new Map<string, LbTargetGroup>();
  /**
   * Each target group's ARN, read once: every attribute read makes a new cdktf token, and cdktf
   * captures a full stack trace per token (a large share of synthesis time), so rules,
   * attachments and `targetGroupArn` share one.
   */
  private readonly targetGroupArns = new Map<string, string>();

  constructor(scope: Construct, id: string, props: WebApiLoadBalancerProps) {
    super(scope, id);
    const path = this.node.path;

    const plan = planWebApi(props, terraformFacts(this, props));
    this._plan = plan;
    const model = plan.model;
    refuseUnsupportedByProvider(path, model);
    checkTargets(path, props.routes ?? [], plan.targetGroupRoutes);
    const routesByName = new Map((props.routes ?? []).map((r) => [r.name, r]));
    for (const tg of model.targetGroups) {
      // QUIC is a network load balancer's: an ALB's targets take no server ID.
      checkQuicServerIds(path, `routes["${tg.name}"].targets`, tg.protocol, (routesByName.get(tg.name)?.targets ?? []).map((t) => t.quicServerId));
    }
    addAdviceWarnings(this, plan.advice);

    const rendered = renderLoadBalancer(this, model, props);
    const lb = rendered.loadBalancer;
    const securityGroup = rendered.securityGroup!; // an ALB always has one (only a QUIC NLB goes without)

    for (const tg of model.targetGroups) {
      const group = new LbTargetGroup(this, `TargetGroup-${tg.name}`, targetGroupConfig(tg, props.vpcId));
      this.targetGroups.set(tg.name, group);
      this.targetGroupArns.set(tg.name, group.arn);
      renderTargets(this, tg.name, this.targetGroupArns.get(tg.name)!, tg.port, routesByName.get(tg.name)?.targets ?? []);
    }
    for (const tg of model.lambdaTargetGroups ?? []) {
      const group = new LbTargetGroup(this, `TargetGroup-${tg.name}`, lambdaTargetGroupConfig(tg));
      this.targetGroups.set(tg.name, group);
      this.targetGroupArns.set(tg.name, group.arn);
      renderLambdaTarget(this, tg.name, this.targetGroupArns.get(tg.name)!, routesByName.get(tg.name)!.lambdaFunction!);
    }
    const arnOf = (name: string) => this.targetGroupArn(name);
    const loadBalancerArn = lb.arn;

    const certificateArns = renderCertificates(this, model.certificates, props.hostedZoneId);
    const httpsModel = model.listeners.find((l) => l.protocol === 'HTTPS');
    const mutualTls = renderMutualAuthentication(this, httpsModel?.mutualAuthentication, plan.uploads);

    let httpsListenerArn: string | undefined;
    const listeners = new Map<number, LbListener>();
    const rules = new Map<string, LbListenerRule>();
    for (const listener of model.listeners) {
      const tfListener = new LbListener(this, `Listener${listener.port}`, {
        loadBalancerArn,
        port: listener.port,
        protocol: listener.protocol,
        ...(listener.protocol === 'HTTPS' ? { sslPolicy: listener.sslPolicy, certificateArn: certificateArns[0] } : {}),
        ...(listener.protocol === 'HTTPS' && mutualTls.block ? { mutualAuthentication: mutualTls.block } : {}),
        defaultAction: [renderAction(listener.defaultAction, arnOf)],
        ...listenerHeaderArguments(listener.headers),
      });
      listeners.set(listener.port, tfListener);
      const listenerArn = tfListener.arn; // one token for the listener's SNI certificates and rules
      if (listener.protocol === 'HTTPS') {
        httpsListenerArn = listenerArn;
        renderSniCertificates(this, `Listener${listener.port}`, listenerArn, certificateArns);
      } else {
        this.httpListenerArn = listenerArn;
      }
      for (const rule of listener.rules) {
        const ruleId = `Listener${listener.port}Rule-${rule.route}`;
        rules.set(rule.route, new LbListenerRule(this, ruleId, {
          listenerArn,
          priority: rule.priority,
          condition: renderConditions(rule.conditions),
          action: renderRuleActions(rule, arnOf, { scope: this, id: ruleId, listener: tfListener }),
          tags: { [ROUTE_TAG]: rule.route },
          ...providerOnlyListenerRuleArguments(rule),
        }));
      }
    }
    if (!httpsListenerArn) throw new Error('unreachable: the planner always produces an HTTPS listener');

    const waf = renderWaf(this, model.waf, loadBalancerArn, wafName(path));
    const measured = { loadBalancer: lb, targetGroups: this.targetGroups, webAcl: waf.webAcl };
    const monitoring = renderMonitoring(this, model.name, model.monitoring, measured, props);

    this.loadBalancerArn = loadBalancerArn;
    this.loadBalancerDnsName = lb.dnsName;
    this.loadBalancerZoneId = lb.zoneId;
    this.securityGroupId = securityGroup.id;
    this.httpsListenerArn = httpsListenerArn;
    this.resources = WebApiResources._of({
      path,
      loadBalancer: lb,
      securityGroup,
      ...(rendered.logBucket ? { accessLogBucket: rendered.logBucket.bucket, accessLogBucketPolicy: rendered.logBucket.policy } : {}),
      listeners,
      rules,
      targetGroups: new Map([...this.targetGroups].sort(([a], [b]) => compareText(a, b))),
      ...(waf.webAcl ? { webAcl: waf.webAcl } : {}),
      ...(waf.association ? { webAclAssociation: waf.association } : {}),
      ...(mutualTls.trustStore ? {
        trustStore: mutualTls.trustStore.trustStore,
        trustStoreRevocations: mutualTls.trustStore.revocations,
        trustStoreObjects: mutualTls.trustStore.objects,
        ...(mutualTls.trustStore.bucket ? { trustStoreBucket: mutualTls.trustStore.bucket } : {}),
      } : {}),
      aliasRecords: rendered.aliasRecords,
      alarms: monitoring.alarms,
      ...(monitoring.dashboard ? { dashboard: monitoring.dashboard } : {}),
    });
    useProvider(this, props.provider);
  }

  /**
   * ARN of the target group of a route, for an ECS service's `load_balancer` block or an
   * auto scaling group's `target_group_arns`.
   * @param routeName name of a route that some forward action sends to
   */
  public targetGroupArn(routeName: string): string {
    targetGroupNamed(this.node.path, this.targetGroups, routeName, 'targetGroupArn(routeName)',
      { one: 'route with a target group', many: 'routes with target groups' });
    return this.targetGroupArns.get(routeName)!;
  }
}

/** Targets only make sense on routes that own a target group, and must suit the route's target type. */
function checkTargets(path: string, routes: WebApiRoute[], targetGroupRoutes: string[]): void {
  checkRouteTargets(path, routes.map((r) => ({
    name: r.name, lambda: r.targetType === TargetType.LAMBDA, hasFunction: r.lambdaFunction !== undefined, targetCount: r.targets?.length ?? 0,
  })), targetGroupRoutes);
  for (const route of routes) {
    const targets = route.targets ?? [];
    if (targets.length > 0 && !targetGroupRoutes.includes(route.name)) {
      throw new LbkitValidationError(path, `routes["${route.name}"].targets`,
        'are given but the route has no target group (no forward action sends to it)', targets.map((t) => t.id));
    }
    checkTargetPorts(path, `routes["${route.name}"].targets`, targets);
  }
}

/** Web ACL name prefix and metric name: the construct path in WAF's character set. */
function wafName(path: string): string {
  return `lbkit-${path}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 90);
}
