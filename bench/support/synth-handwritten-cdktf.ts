import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbListenerRule } from '@cdktf/provider-aws/lib/lb-listener-rule';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';
import { LOAD_BALANCER_ID, Scenario, SCENARIO_ENV } from './synth-scenario';
import { synthTfApp, tfEnvironment } from './synth-tf-environment';

/** The ELB account that delivers access logs in eu-west-1 (AWS's table, the scenario's region). */
const EU_WEST_1_ELB_ACCOUNT = '156460612806';

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

/** The access-log bucket: SSE-S3, all public access blocked, 90-day expiry, TLS-only policy granting ELB delivery. */
function accessLogBucket(scope: Construct): { bucket: S3Bucket; policy: S3BucketPolicy } {
  const bucket = new S3Bucket(scope, 'AccessLogBucket', {});
  new S3BucketServerSideEncryptionConfigurationA(scope, 'AccessLogBucketEncryption', {
    bucket: bucket.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
  });
  const publicAccess = new S3BucketPublicAccessBlock(scope, 'AccessLogBucketPublicAccessBlock', {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketLifecycleConfiguration(scope, 'AccessLogBucketLifecycle', {
    bucket: bucket.id,
    rule: [{ id: 'expire-access-logs', status: 'Enabled', filter: [{ prefix: '' }], expiration: [{ days: 90 }] }],
  });
  const policy = new S3BucketPolicy(scope, 'AccessLogBucketPolicy', {
    bucket: bucket.id,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [bucket.arn, `${bucket.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        {
          Sid: 'AllowElbLogDelivery',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${EU_WEST_1_ELB_ACCOUNT}:root` },
          Action: 's3:PutObject',
          Resource: [`${bucket.arn}/AWSLogs/${SCENARIO_ENV.account}/*`, `${bucket.arn}/connection-logs/AWSLogs/${SCENARIO_ENV.account}/*`],
        },
      ],
    }),
    dependsOn: [publicAccess],
  });
  return { bucket, policy };
}

/** A DNS-validated ACM certificate, the canonical way: one validation record per name, then the validation. */
function validatedCertificate(scope: Construct): string {
  const certificate = new AcmCertificate(scope, 'Certificate', {
    domainName: SCENARIO_ENV.domainName,
    validationMethod: 'DNS',
    lifecycle: { createBeforeDestroy: true },
  });
  const options = TerraformIterator.fromComplexList(certificate.domainValidationOptions, 'domain_name');
  const records = new Route53Record(scope, 'CertificateValidationRecord', {
    forEach: options,
    zoneId: SCENARIO_ENV.hostedZoneId,
    name: options.getString('resource_record_name'),
    type: options.getString('resource_record_type'),
    records: [options.getString('resource_record_value')],
    ttl: 60,
    allowOverwrite: true,
  });
  return new AcmCertificateValidation(scope, 'CertificateValidation', {
    certificateArn: certificate.arn,
    validationRecordFqdns: Token.asList(TerraformIterator.fromResources(records).pluckProperty('fqdn')),
  }).certificateArn;
}

/** The web ACL: AWS managed common and known-bad-inputs groups, then 2000 requests per IP per 5 minutes. */
function webAcl(scope: Construct): Wafv2WebAcl {
  const groups = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'];
  return new Wafv2WebAcl(scope, 'WebAcl', {
    namePrefix: 'api-',
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: visibility('api'),
    rule: [
      ...groups.map((name, priority) => ({
        name,
        priority,
        overrideAction: { none: {} },
        statement: { managed_rule_group_statement: { name, vendor_name: 'AWS' } },
        visibilityConfig: visibility(`api-${name}`),
      })),
      {
        name: 'RateLimitPerIp',
        priority: groups.length,
        action: { block: {} },
        statement: { rate_based_statement: { limit: 2000, aggregate_key_type: 'IP', evaluation_window_sec: 300 } },
        visibilityConfig: visibility('api-RateLimitPerIp'),
      },
    ],
  });
}

/**
 * The scenario written the way an engineer writes it with @cdktf/provider-aws and lbkit's
 * defaults spelled out: security group with one rule resource per port, the access-log bucket
 * and its configuration resources, `aws_lb` with the hardening arguments, a DNS-validated
 * certificate, the HTTPS listener (404 default) and the HTTP→HTTPS redirect listener, per route
 * an `aws_lb_target_group` (lbkit's health check and attributes), its attachment and an
 * `aws_lb_listener_rule`, the WAF web ACL and association, and the alias record. Builds a fresh
 * app and synthesizes it.
 */
export function synthHandWrittenTf(s: Scenario, outdir: string): string {
  const { app, stack } = tfEnvironment(outdir);
  const scope = new Construct(stack, LOAD_BALANCER_ID);

  const securityGroup = new SecurityGroup(scope, 'SecurityGroup', { vpcId: SCENARIO_ENV.vpcId, description: 'Api load balancer' });
  for (const port of [80, 443]) {
    new VpcSecurityGroupIngressRule(scope, `Ingress${port}`, {
      securityGroupId: securityGroup.id, ipProtocol: 'tcp', fromPort: port, toPort: port, cidrIpv4: '0.0.0.0/0',
    });
  }
  for (const route of s.routes) {
    new VpcSecurityGroupEgressRule(scope, `Egress-${route.name}`, {
      securityGroupId: securityGroup.id, ipProtocol: 'tcp', fromPort: route.port, toPort: route.port, cidrIpv4: SCENARIO_ENV.vpcCidrBlock,
    });
  }

  const logs = accessLogBucket(scope);
  const lb = new Lb(scope, 'LoadBalancer', {
    loadBalancerType: 'application',
    internal: false,
    ipAddressType: 'ipv4',
    securityGroups: [securityGroup.id],
    subnets: [...SCENARIO_ENV.subnetIds],
    idleTimeout: 60,
    enableHttp2: true,
    dropInvalidHeaderFields: true,
    desyncMitigationMode: 'defensive',
    xffHeaderProcessingMode: 'append',
    enableXffClientPort: false,
    enableDeletionProtection: true,
    accessLogs: { bucket: logs.bucket.bucket, enabled: true },
    connectionLogs: { bucket: logs.bucket.bucket, prefix: 'connection-logs', enabled: true },
    tags: { 'lbkit:name': LOAD_BALANCER_ID },
    dependsOn: [logs.policy],
  });

  const https = new LbListener(scope, 'HttpsListener', {
    loadBalancerArn: lb.arn,
    port: 443,
    protocol: 'HTTPS',
    sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
    certificateArn: validatedCertificate(scope),
    defaultAction: [{
      type: 'fixed-response',
      fixedResponse: { statusCode: '404', contentType: 'application/json', messageBody: '{"message":"Not Found"}' },
    }],
    routingHttpResponseServerEnabled: false,
    routingHttpResponseStrictTransportSecurityHeaderValue: 'max-age=31536000',
    routingHttpResponseXContentTypeOptionsHeaderValue: 'nosniff',
  });
  new LbListener(scope, 'HttpListener', {
    loadBalancerArn: lb.arn,
    port: 80,
    protocol: 'HTTP',
    defaultAction: [{ type: 'redirect', redirect: { statusCode: 'HTTP_301', protocol: 'HTTPS', port: '443' } }],
    routingHttpResponseServerEnabled: false,
    routingHttpResponseXContentTypeOptionsHeaderValue: 'nosniff',
  });

  s.routes.forEach((route, i) => {
    const group = new LbTargetGroup(scope, `TargetGroup-${route.name}`, {
      port: route.port,
      protocol: 'HTTP',
      protocolVersion: 'HTTP1',
      targetType: 'ip',
      vpcId: SCENARIO_ENV.vpcId,
      deregistrationDelay: '300',
      loadBalancingAlgorithmType: 'round_robin',
      slowStart: 0,
      healthCheck: {
        enabled: true,
        protocol: 'HTTP',
        path: '/health',
        port: 'traffic-port',
        interval: 15,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
        matcher: '200',
      },
      tags: { 'lbkit:route': route.name },
      lifecycle: { createBeforeDestroy: true },
    });
    new LbTargetGroupAttachment(scope, `TargetGroup-${route.name}-Target`, { targetGroupArn: group.arn, targetId: route.targetIp, port: route.port });
    new LbListenerRule(scope, `Rule-${route.name}`, {
      listenerArn: https.arn,
      priority: i + 1,
      condition: [{ pathPattern: { values: [route.path] } }],
      action: [{ type: 'forward', targetGroupArn: group.arn }],
      tags: { 'lbkit:route': route.name },
    });
  });

  new Wafv2WebAclAssociation(scope, 'WebAclAssociation', { resourceArn: lb.arn, webAclArn: webAcl(scope).arn });
  new Route53Record(scope, 'AliasRecord', {
    zoneId: SCENARIO_ENV.hostedZoneId,
    name: SCENARIO_ENV.domainName,
    type: 'A',
    alias: { name: lb.dnsName, zoneId: lb.zoneId, evaluateTargetHealth: true },
  });

  return synthTfApp(app, outdir);
}
