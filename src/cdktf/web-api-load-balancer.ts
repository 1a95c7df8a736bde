import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbListenerCertificate } from '@cdktf/provider-aws/lib/lb-listener-certificate';
import { LbListenerRule } from '@cdktf/provider-aws/lib/lb-listener-rule';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { Annotations, ITerraformDependable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { resolveRegion } from './region';
import { ROUTE_TAG } from '../core/defaults';
import { checkRange, LbkitValidationError } from '../core/errors';
import { PORT_MAX, PORT_MIN } from '../core/limits';
import { renderLogBucket } from './render/access-logs';
import { renderAction } from './render/actions';
import { renderCertificates } from './render/certificates';
import { renderConditions } from './render/conditions';
import { renderAliasRecords } from './render/dns';
import { loadBalancerConfig } from './render/load-balancer';
import { renderSecurityGroup, securityGroupDescription } from './render/security-group';
import { targetGroupConfig } from './render/target-group';
import { renderWaf } from './render/waf';
import { WebApiRoute } from './web-api-route';
import { TargetGroupModel } from '../core/model/load-balancer-model';
import { WebApiLoadBalancerBaseOptions } from '../core/options/web-api-options';
import { planWebApi, WebApiPlan } from '../core/plan/web-api-plan';

/**
 * Properties of a Terraform `WebApiLoadBalancer`: the engine-neutral options plus the
 * network, certificates and DNS given as plain ids and ARNs.
 */
export interface WebApiLoadBalancerProps extends WebApiLoadBalancerBaseOptions {
  /**
   * Id of the VPC the load balancer and its target groups live in.
   */
  readonly vpcId: string;
  /**
   * IPv4 CIDR of the VPC: the only destination the load balancer's security group lets
   * traffic out to (ports of the targets). Required rather than looked up, because a
   * data source would need AWS credentials and lbkit's plans run offline.
   */
  readonly vpcCidrBlock: string;
  /**
   * Subnets for the load balancer: at least two, in distinct availability zones (public
   * subnets when internet-facing). Zones cannot be read from ids without AWS; give
   * `availabilityZones` to have them checked. A list reference (a module output) is
   * accepted and not counted.
   */
  readonly subnetIds: string[];
  /**
   * Availability zone of each subnet in `subnetIds`, in the same order; used only to
   * check that the load balancer spans at least two zones.
   * @default - only the number of subnets is checked
   */
  readonly availabilityZones?: string[];
  /**
   * ARNs of existing ACM certificates; the first is the HTTPS listener's default, the
   * rest (and any managed certificates) are served by SNI.
   * @default - none: managedCertificates must then hold at least one
   */
  readonly certificateArns?: string[];
  /**
   * Route 53 hosted zone for DNS validation of managed certificates and for alias records.
   * @default - none: managedCertificates and aliasRecordNames cannot be used
   */
  readonly hostedZoneId?: string;
  /**
   * An existing bucket for access logs; its policy must already let the region's ELB
   * log-delivery principal write to it.
   * @default - lbkit creates an encrypted, private, TLS-only bucket with lifecycle expiry
   */
  readonly accessLogBucketName?: string;
  /**
   * Routes, in the order they are declared, each optionally with fixed targets.
   * @default - none (planning fails: a web API load balancer needs at least one route)
   */
  readonly routes?: WebApiRoute[];
  /**
   * Region of the load balancer (literal, e.g. `eu-west-1`). Needed for the bucket lbkit
   * creates for access logs, whose policy grants the region's ELB log-delivery principal.
   * @default - the `region` of the stack's default AwsProvider (an error when that is not a literal)
   */
  readonly region?: string;
  /**
   * Account id of the load balancer, written into the access-log bucket policy's object
   * key (`AWSLogs/<account>/`) and, for regions that deliver through the ELB service
   * principal, into an `aws:SourceAccount` condition. Not looked up: that would take a
   * data source and AWS credentials at plan time.
   * @default '*' - any account's key in this private bucket; set it to keep other accounts' load balancers out
   */
  readonly accountId?: string;
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

  /** @internal */
  public readonly _plan: WebApiPlan;

  private readonly targetGroups = new Map<string, LbTargetGroup>();

  constructor(scope: Construct, id: string, props: WebApiLoadBalancerProps) {
    super(scope, id);
    const path = this.node.path;

    if (Token.isUnresolved(props.certificateArns)) {
      throw new LbkitValidationError(path, 'certificateArns',
        'must be a literal list (its elements may be references): the first becomes the default certificate', props.certificateArns);
    }
    const subnetsKnown = !Token.isUnresolved(props.subnetIds);
    const zones = props.availabilityZones;
    if (zones !== undefined && subnetsKnown && zones.length !== props.subnetIds.length) {
      throw new LbkitValidationError(path, 'availabilityZones',
        `must give one zone per subnet in subnetIds (${props.subnetIds.length} subnets)`, zones);
    }

    const plan = planWebApi(props, {
      path,
      name: this.node.id,
      importedCertificateArns: [...(props.certificateArns ?? [])],
      hasHostedZone: props.hostedZoneId !== undefined,
      ...(zones !== undefined ? { availabilityZones: [...zones] } : {}),
      ...(subnetsKnown ? { subnetCount: props.subnetIds.length } : {}),
      targetCidr: props.vpcCidrBlock,
      ...(props.accessLogBucketName !== undefined ? { existingLogBucketName: props.accessLogBucketName } : {}),
      optionNames: { subnets: 'subnetIds', hostedZone: 'hostedZoneId', certificates: 'certificateArns' },
    });
    this._plan = plan;
    const model = plan.model;
    checkTargets(path, props.routes ?? [], plan.targetGroupRoutes);
    for (const advice of plan.advice) Annotations.of(this).addWarning(`[${advice.id}] ${advice.message}`);

    const sg = renderSecurityGroup(this, model.securityGroup, props.vpcId, securityGroupDescription(path));

    let logBucketName: string | undefined;
    const dependsOn: ITerraformDependable[] = [];
    if (model.accessLogs.enabled) {
      const bucket = model.accessLogs.bucket;
      if (bucket.kind === 'existing') {
        logBucketName = bucket.bucketName;
      } else {
        const logBucket = renderLogBucket(this, {
          expirationDays: bucket.expirationDays,
          region: resolveRegion(this, props.region, 'region'),
          accountId: props.accountId ?? '*',
          prefix: model.accessLogs.prefix,
        });
        logBucketName = logBucket.bucket.bucket;
        // ELB checks that it may write to the bucket when access logs are turned on.
        dependsOn.push(logBucket.policy);
      }
    }

    const lb = new Lb(this, 'LoadBalancer', {
      ...loadBalancerConfig(model, { securityGroupId: sg.id, subnetIds: props.subnetIds, logBucketName }),
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    });

    const routesByName = new Map((props.routes ?? []).map((r) => [r.name, r]));
    for (const tg of model.targetGroups) {
      const group = new LbTargetGroup(this, `TargetGroup-${tg.name}`, targetGroupConfig(tg, props.vpcId));
      this.targetGroups.set(tg.name, group);
      renderTargets(this, tg, group, routesByName.get(tg.name));
    }
    const arnOf = (name: string) => this.targetGroupArn(name);

    const certificateArns = renderCertificates(this, model.certificates, props.hostedZoneId);

    let httpsListener: LbListener | undefined;
    for (const listener of model.listeners) {
      const tfListener = new LbListener(this, `Listener${listener.port}`, {
        loadBalancerArn: lb.arn,
        port: listener.port,
        protocol: listener.protocol,
        ...(listener.protocol === 'HTTPS' ? { sslPolicy: listener.sslPolicy, certificateArn: certificateArns[0] } : {}),
        defaultAction: [renderAction(listener.defaultAction, arnOf)],
      });
      if (listener.protocol === 'HTTPS') {
        httpsListener = tfListener;
        certificateArns.slice(1).forEach((certificateArn, i) => {
          new LbListenerCertificate(this, `Listener${listener.port}Certificate${i + 1}`, { listenerArn: tfListener.arn, certificateArn });
        });
      } else {
        this.httpListenerArn = tfListener.arn;
      }
      for (const rule of listener.rules) {
        new LbListenerRule(this, `Listener${listener.port}Rule-${rule.route}`, {
          listenerArn: tfListener.arn,
          priority: rule.priority,
          condition: renderConditions(rule.conditions),
          action: [renderAction(rule.action, arnOf)],
          tags: { [ROUTE_TAG]: rule.route },
        });
      }
    }
    if (!httpsListener) throw new Error('unreachable: the planner always produces an HTTPS listener');

    renderWaf(this, model.waf, lb.arn, wafName(path));
    if (props.hostedZoneId !== undefined) {
      renderAliasRecords(this, model.dnsRecords, { hostedZoneId: props.hostedZoneId, dnsName: lb.dnsName, zoneId: lb.zoneId });
    }

    this.loadBalancerArn = lb.arn;
    this.loadBalancerDnsName = lb.dnsName;
    this.loadBalancerZoneId = lb.zoneId;
    this.securityGroupId = sg.id;
    this.httpsListenerArn = httpsListener.arn;
  }

  /**
   * ARN of the target group of a route, for an ECS service's `load_balancer` block or an
   * auto scaling group's `target_group_arns`.
   * @param routeName name of a route that some forward action sends to
   */
  public targetGroupArn(routeName: string): string {
    const group = this.targetGroups.get(routeName);
    if (!group) {
      throw new LbkitValidationError(this.node.path, 'targetGroupArn(routeName)',
        `names no route with a target group (routes with target groups: ${[...this.targetGroups.keys()].join(', ') || 'none'})`, routeName);
    }
    return group.arn;
  }
}

/** Targets only make sense on routes that own a target group. */
function checkTargets(path: string, routes: WebApiRoute[], targetGroupRoutes: string[]): void {
  for (const route of routes) {
    const targets = route.targets ?? [];
    if (targets.length > 0 && !targetGroupRoutes.includes(route.name)) {
      throw new LbkitValidationError(path, `routes["${route.name}"].targets`,
        'are given but the route has no target group (no forward action sends to it)', targets.map((t) => t.id));
    }
    targets.forEach((t, i) => checkRange(path, `routes["${route.name}"].targets[${i}].port`, t.port, PORT_MIN, PORT_MAX));
  }
}

/** One `aws_lb_target_group_attachment` per fixed target of the route. */
function renderTargets(scope: Construct, tg: TargetGroupModel, group: LbTargetGroup, route: WebApiRoute | undefined): void {
  (route?.targets ?? []).forEach((target, i) => {
    new LbTargetGroupAttachment(scope, `TargetGroup-${tg.name}-Target${i}`, {
      targetGroupArn: group.arn,
      targetId: target.id,
      port: target.port ?? tg.port,
      ...(target.availabilityZone !== undefined ? { availabilityZone: target.availabilityZone } : {}),
    });
  });
}

/** Web ACL name prefix and metric name: the construct path in WAF's character set. */
function wafName(path: string): string {
  return `lbkit-${path}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 90);
}
