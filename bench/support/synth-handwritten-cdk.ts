import { Duration, Tags } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { cdkEnvironment, synthCdkApp } from './synth-cdk-environment';
import { LOAD_BALANCER_ID, Scenario, SCENARIO_ENV } from './synth-scenario';

/** A WAF rule's CloudWatch visibility, as lbkit names it. */
const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/** The AWS managed rule groups lbkit puts in front of an ALB (src/core/defaults.ts). */
const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'];

/**
 * The web ACL an engineer writes by hand: aws-cdk-lib has no WAF L2, so it is the L1, with the
 * same rules as lbkit's (managed common and known-bad-inputs groups, 2000 requests per IP per 5 min).
 */
function webAcl(scope: Construct): wafv2.CfnWebACL {
  return new wafv2.CfnWebACL(scope, 'WebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: visibility('Api-WebAcl'),
    rules: [
      ...MANAGED_RULE_GROUPS.map((name, priority): wafv2.CfnWebACL.RuleProperty => ({
        name,
        priority,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
        visibilityConfig: visibility(`Api-${name}`),
      })),
      {
        name: 'RateLimitPerIp',
        priority: MANAGED_RULE_GROUPS.length,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
        visibilityConfig: visibility('Api-RateLimitPerIp'),
      },
    ],
  });
}

/**
 * The scenario written the way an engineer writes it with aws-cdk-lib's L2 constructs and
 * lbkit's defaults spelled out: ApplicationLoadBalancer with the hardening attributes, access
 * logs to an encrypted, private, TLS-only bucket with expiry, a security group with listener
 * ports in (opened by the listeners) and target ports out, a DNS-validated certificate, the
 * HTTPS listener with a 404 default and one `addAction` rule per route (path condition,
 * priority, forward), target groups with lbkit's health checks and attributes, the HTTP→HTTPS
 * redirect, the WAF web ACL and its association, and the alias record. Builds a fresh app and
 * synthesizes it.
 */
export function synthHandWrittenCdk(s: Scenario, outdir: string): string {
  const { app, stack, vpc, hostedZone } = cdkEnvironment(outdir);
  const scope = new Construct(stack, LOAD_BALANCER_ID);

  const securityGroup = new ec2.SecurityGroup(scope, 'SecurityGroup', {
    vpc,
    description: 'Api: listener ports from clients, target ports to targets only',
    allowAllOutbound: false,
  });
  for (const route of s.routes) {
    securityGroup.addEgressRule(ec2.Peer.ipv4(SCENARIO_ENV.vpcCidrBlock), ec2.Port.tcp(route.port), `to ${route.name} targets`);
  }

  const logs = new s3.Bucket(scope, 'AccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    lifecycleRules: [{ expiration: Duration.days(90) }],
  });

  const alb = new elbv2.ApplicationLoadBalancer(scope, 'LoadBalancer', {
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    internetFacing: true,
    securityGroup,
    idleTimeout: Duration.seconds(60),
    http2Enabled: true,
    dropInvalidHeaderFields: true,
    desyncMitigationMode: elbv2.DesyncMitigationMode.DEFENSIVE,
    deletionProtection: true,
    xffHeaderProcessingMode: elbv2.XffHeaderProcessingMode.APPEND,
    preserveXffClientPort: false,
  });
  alb.logAccessLogs(logs);
  alb.logConnectionLogs(logs, 'connection-logs');
  Tags.of(alb).add('lbkit:name', LOAD_BALANCER_ID);

  const certificate = new acm.Certificate(scope, 'Certificate', {
    domainName: SCENARIO_ENV.domainName,
    validation: acm.CertificateValidation.fromDns(hostedZone),
  });

  const https = alb.addListener('HttpsListener', {
    port: 443,
    protocol: elbv2.ApplicationProtocol.HTTPS,
    sslPolicy: elbv2.SslPolicy.TLS13_12_RES_PQ,
    certificates: [elbv2.ListenerCertificate.fromCertificateManager(certificate)],
    defaultAction: elbv2.ListenerAction.fixedResponse(404, { contentType: 'application/json', messageBody: '{"message":"Not Found"}' }),
  });
  const redirect = alb.addRedirect({ sourcePort: 80, targetPort: 443 });
  // Response headers (listener attributes): no Server header on either listener, nosniff on both, HSTS for a year on HTTPS.
  const headerAttributes = (hsts: boolean) => [
    { key: 'routing.http.response.server.enabled', value: 'false' },
    ...(hsts ? [{ key: 'routing.http.response.strict_transport_security.header_value', value: 'max-age=31536000' }] : []),
    { key: 'routing.http.response.x_content_type_options.header_value', value: 'nosniff' },
  ];
  (https.node.defaultChild as elbv2.CfnListener).listenerAttributes = headerAttributes(true);
  (redirect.node.defaultChild as elbv2.CfnListener).listenerAttributes = headerAttributes(false);

  s.routes.forEach((route, i) => {
    const group = new elbv2.ApplicationTargetGroup(scope, `TargetGroup-${route.name}`, {
      vpc,
      port: route.port,
      protocol: elbv2.ApplicationProtocol.HTTP,
      protocolVersion: elbv2.ApplicationProtocolVersion.HTTP1,
      targetType: elbv2.TargetType.IP,
      targets: [new targets.IpTarget(route.targetIp, route.port)],
      loadBalancingAlgorithmType: elbv2.TargetGroupLoadBalancingAlgorithmType.ROUND_ROBIN,
      deregistrationDelay: Duration.seconds(300),
      healthCheck: {
        enabled: true,
        protocol: elbv2.Protocol.HTTP,
        path: '/health',
        port: 'traffic-port',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
        healthyHttpCodes: '200',
      },
    });
    group.setAttribute('stickiness.enabled', 'false');
    group.setAttribute('slow_start.duration_seconds', '0');
    Tags.of(group).add('lbkit:route', route.name);
    https.addAction(`Route-${route.name}`, {
      priority: i + 1,
      conditions: [elbv2.ListenerCondition.pathPatterns([route.path])],
      action: elbv2.ListenerAction.forward([group]),
    });
  });

  new wafv2.CfnWebACLAssociation(scope, 'WebAclAssociation', { resourceArn: alb.loadBalancerArn, webAclArn: webAcl(scope).attrArn });

  new route53.ARecord(scope, 'AliasRecord', {
    zone: hostedZone,
    recordName: SCENARIO_ENV.domainName,
    target: route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(alb, { evaluateTargetHealth: true })),
  });

  return synthCdkApp(app, stack);
}
