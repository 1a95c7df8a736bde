import { CERT_ARN, cfnTemplate, tfConfig } from './fixtures';
import { isApplicationModel } from '../../src/core/model/any-load-balancer-model';
import { LoadBalancerModel, normalizeModel, REFERENCE, TargetGroupModel } from '../../src/core/model/load-balancer-model';
import { CLOUDFORMATION_READERS, LbkitConfigError, readCloudFormation, readTerraform, TERRAFORM_READERS } from '../../src/readers';

const API_GROUP: TargetGroupModel = {
  name: 'api',
  protocol: 'HTTP',
  port: 8080,
  protocolVersion: 'HTTP1',
  targetType: 'ip',
  algorithm: 'least_outstanding_requests',
  anomalyMitigation: false,
  slowStartSeconds: 0,
  deregistrationDelaySeconds: 300,
  stickiness: { type: 'app_cookie', durationSeconds: 600, cookieName: 'SESSION' },
  healthCheck: { protocol: 'HTTP', path: '/health', port: 'traffic-port', intervalSeconds: 15, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3, matcher: '200' },
};

/** A target group with nothing set, as AWS defaults it (CloudFormation: healthy 5, unhealthy 2). */
const BARE_GROUP: TargetGroupModel = {
  name: 'bare',
  protocol: 'HTTP',
  port: 80,
  protocolVersion: 'HTTP1',
  targetType: 'instance',
  algorithm: 'round_robin',
  anomalyMitigation: false,
  slowStartSeconds: 0,
  deregistrationDelaySeconds: 300,
  healthCheck: { protocol: 'HTTP', path: '/', port: 'traffic-port', intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 5, unhealthyThreshold: 2, matcher: '200' },
};

const EXPECTED: LoadBalancerModel = {
  kind: 'application',
  name: 'Api',
  scheme: 'internet-facing',
  ipAddressType: 'dualstack',
  attributes: {
    idleTimeoutSeconds: 120,
    http2Enabled: true,
    dropInvalidHeaderFields: true,
    desyncMitigationMode: 'strictest',
    deletionProtection: true,
    xffHeaderProcessingMode: 'append',
    xffClientPort: false,
  },
  accessLogs: { enabled: true, bucket: { kind: 'managed', expirationDays: 30 }, prefix: 'alb' },
  // the fixtures write neither: AWS's default, off
  connectionLogs: { enabled: false },
  healthCheckLogs: { enabled: false },
  securityGroup: {
    // Canonical order is the planner's: port, then CIDR by code unit (compareText).
    ingress: [{ port: 80, cidr: '0.0.0.0/0' }, { port: 443, cidr: '0.0.0.0/0' }, { port: 443, cidr: '::/0' }],
    egress: [{ port: 8080, cidr: REFERENCE }],
  },
  certificates: [
    { kind: 'imported', arn: CERT_ARN },
    { kind: 'managed', domainName: 'api.example.com', alternativeNames: ['www.example.com'] },
    { kind: 'imported', arn: REFERENCE },
  ],
  listeners: [
    {
      port: 80,
      protocol: 'HTTP',
      defaultAction: { type: 'redirect', statusCode: 'HTTP_301', protocol: 'HTTPS', host: '#{host}', port: '443', path: '/#{path}', query: '#{query}' },
      rules: [],
      headers: { serverHeader: true },
    },
    {
      port: 443,
      protocol: 'HTTPS',
      sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
      defaultAction: { type: 'fixed-response', statusCode: '404', contentType: 'application/json', messageBody: '{"message":"Not Found"}' },
      headers: { serverHeader: true },
      rules: [
        {
          route: 'LegacyRule',
          priority: 10,
          conditions: { hostHeaders: ['legacy.example.com'] },
          action: { type: 'forward', targetGroups: [{ name: 'bare', weight: 1 }] },
        },
        {
          route: 'api',
          priority: 29751,
          conditions: {
            pathPatterns: ['/api/*'],
            httpHeaders: [{ name: 'Accept', values: ['application/json'] }, { name: 'x-version', values: ['2'] }],
            queryStrings: [{ key: 'v', value: '2' }, { value: 'beta' }],
          },
          action: { type: 'forward', targetGroups: [{ name: 'api', weight: 90 }, { name: 'bare', weight: 10 }], stickinessSeconds: 300 },
        },
      ],
    },
  ],
  targetGroups: [API_GROUP, BARE_GROUP],
  waf: { kind: 'managed', rateLimit: 1000, rateLimitWindowSeconds: 60, managedRuleGroups: ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'] },
  dnsRecords: [{ name: 'api.example.com', type: 'A' }, { name: 'api.example.com', type: 'AAAA' }],
  monitoring: { alarms: [] },
};

describe('readCloudFormation', () => {
  test('reads every field of the model, resolving references between resources', () => {
    expect(readCloudFormation(cfnTemplate())).toEqual([EXPECTED]);
  });

  test('fills AWS defaults for an ALB with nothing set', () => {
    const t = cfnTemplate();
    t.Resources.Lb.Properties = { Subnets: ['subnet-a', 'subnet-b'] };
    const [model] = readCloudFormation(t);
    expect(model.name).toBe('Lb'); // no lbkit:name tag: the logical id
    expect(model.scheme).toBe('internet-facing');
    expect(model.ipAddressType).toBe('ipv4');
    expect(model.attributes).toEqual({
      idleTimeoutSeconds: 60,
      http2Enabled: true,
      dropInvalidHeaderFields: false,
      desyncMitigationMode: 'defensive',
      deletionProtection: false,
      xffHeaderProcessingMode: 'append',
      xffClientPort: false,
    });
    expect(model.accessLogs).toEqual({ enabled: false });
    expect(model.securityGroup).toEqual({ ingress: [], egress: [] });
    expect(model.loadBalancerName).toBeUndefined();
  });

  test('an existing web ACL, an existing log bucket, a physical name', () => {
    const t = cfnTemplate();
    t.Resources.AclAssociation.Properties.WebACLArn = 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/x/1';
    t.Resources.Lb.Properties.Name = 'my-alb';
    t.Resources.Lb.Properties.LoadBalancerAttributes = [
      { Key: 'access_logs.s3.enabled', Value: 'true' },
      { Key: 'access_logs.s3.bucket', Value: 'my-logs' },
    ];
    const [model] = readCloudFormation(t).filter(isApplicationModel);
    expect(model.waf).toEqual({ kind: 'existing', webAclArn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/x/1' });
    expect(model.accessLogs).toEqual({ enabled: true, bucket: { kind: 'existing', bucketName: 'my-logs' } });
    expect(model.loadBalancerName).toBe('my-alb');
  });

  test('no association: no WAF; a parameter as log bucket reads as a reference', () => {
    const t = cfnTemplate();
    delete t.Resources.AclAssociation;
    t.Resources.Lb.Properties.LoadBalancerAttributes = [
      { Key: 'access_logs.s3.enabled', Value: 'true' },
      { Key: 'access_logs.s3.bucket', Value: { Ref: 'OtherCert' } },
    ];
    const [model] = readCloudFormation(t).filter(isApplicationModel);
    expect(model.waf).toEqual({ kind: 'none' });
    expect(model.accessLogs).toEqual({ enabled: true, bucket: { kind: 'existing', bucketName: REFERENCE } });
  });

  test('lb-cookie stickiness, slow start, weighted random with anomaly mitigation', () => {
    const t = cfnTemplate();
    t.Resources.ApiGroup.Properties.TargetGroupAttributes = [
      { Key: 'load_balancing.algorithm.type', Value: 'weighted_random' },
      { Key: 'load_balancing.algorithm.anomaly_mitigation', Value: 'on' },
      { Key: 'slow_start.duration_seconds', Value: '0' },
      { Key: 'stickiness.enabled', Value: 'true' },
      { Key: 'stickiness.type', Value: 'lb_cookie' },
      { Key: 'stickiness.lb_cookie.duration_seconds', Value: '3600' },
    ];
    const api = readCloudFormation(t)[0].targetGroups[0];
    expect(api).toMatchObject({ algorithm: 'weighted_random', anomalyMitigation: true, slowStartSeconds: 0, stickiness: { type: 'lb_cookie', durationSeconds: 3600 } });
  });

  test('two load balancers read as two models, sorted by name, each with only its own parts', () => {
    const t = cfnTemplate();
    t.Resources.Other = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Tags: [{ Key: 'lbkit:name', Value: 'Admin' }] } };
    t.Resources.OtherListener = {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: { LoadBalancerArn: { Ref: 'Other' }, Port: 8443, Protocol: 'HTTPS', Certificates: [{ CertificateArn: 'arn:x' }], DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'bare' } }] },
    };
    const models = readCloudFormation(t).filter(isApplicationModel);
    expect(models.map((m) => m.name)).toEqual(['Admin', 'Api']);
    expect(models[0].listeners.map((l) => l.port)).toEqual([8443]);
    expect(models[0].targetGroups.map((g) => g.name)).toEqual(['bare']);
    expect(models[0].certificates).toEqual([{ kind: 'imported', arn: 'arn:x' }]);
    expect(models[0].waf).toEqual({ kind: 'none' });
    expect(models[1]).toEqual(EXPECTED);
  });
});

describe('readTerraform', () => {
  test('reads the same model from the Terraform form (provider defaults for the bare group)', () => {
    const bare = { ...BARE_GROUP, healthCheck: { ...BARE_GROUP.healthCheck, healthyThreshold: 3, unhealthyThreshold: 3 } };
    expect(readTerraform(tfConfig())).toEqual([{ ...EXPECTED, targetGroups: [API_GROUP, bare] }]);
  });

  test('fills provider defaults for an ALB with nothing set and names it by its resource name', () => {
    const c = tfConfig();
    c.resource.aws_lb.lb = { subnets: ['subnet-a', 'subnet-b'] };
    const [model] = readTerraform(c);
    expect(model.name).toBe('lb');
    expect(model.attributes).toEqual({
      idleTimeoutSeconds: 60,
      http2Enabled: true,
      dropInvalidHeaderFields: false,
      desyncMitigationMode: 'defensive',
      deletionProtection: false,
      xffHeaderProcessingMode: 'append',
      xffClientPort: false,
    });
    expect(model.accessLogs).toEqual({ enabled: false });
    expect(model.scheme).toBe('internet-facing');
  });

  test('internal scheme, existing bucket, variable-valued port read as a reference', () => {
    const c = tfConfig();
    c.resource.aws_lb.lb.internal = true;
    c.resource.aws_lb.lb.access_logs = [{ bucket: 'my-logs', enabled: true }];
    c.resource.aws_lb_target_group.api.port = '${var.port}';
    const [model] = readTerraform(c);
    expect(model.scheme).toBe('internal');
    expect(model.accessLogs).toEqual({ enabled: true, bucket: { kind: 'existing', bucketName: 'my-logs' } });
    expect(model.targetGroups[0].port).toBe(REFERENCE);
  });

  test('inline security-group rules and aws_security_group_rule are read too', () => {
    const c = tfConfig();
    delete c.resource.aws_vpc_security_group_ingress_rule;
    c.resource.aws_security_group.lb_sg.ingress = [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'] }];
    c.resource.aws_security_group_rule = { http: { type: 'ingress', security_group_id: '${aws_security_group.lb_sg.id}', from_port: 80, to_port: 80, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] } };
    expect(readTerraform(c)[0].securityGroup.ingress).toEqual(EXPECTED.securityGroup.ingress);
  });
});

describe('both readers', () => {
  test('agree on the same load balancer once engine-specific defaults are written out', () => {
    const t = cfnTemplate();
    Object.assign(t.Resources.bare.Properties, { HealthyThresholdCount: 3, UnhealthyThresholdCount: 3 });
    expect(normalizeModel(readCloudFormation(t))).toEqual(normalizeModel(readTerraform(tfConfig())));
  });

  test('registries are keyed by resource type, one reader per type', () => {
    expect(CLOUDFORMATION_READERS.resourceTypes).toEqual(expect.arrayContaining([
      'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancingV2::ListenerRule',
      'AWS::ElasticLoadBalancingV2::ListenerCertificate', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::CertificateManager::Certificate',
      'AWS::WAFv2::WebACL', 'AWS::WAFv2::WebACLAssociation', 'AWS::S3::Bucket', 'AWS::EC2::SecurityGroup', 'AWS::Route53::RecordSet',
    ]));
    expect(TERRAFORM_READERS.resourceTypes).toEqual(expect.arrayContaining([
      'aws_lb', 'aws_lb_listener', 'aws_lb_listener_rule', 'aws_lb_listener_certificate', 'aws_lb_target_group', 'aws_acm_certificate',
      'aws_acm_certificate_validation', 'aws_wafv2_web_acl', 'aws_wafv2_web_acl_association', 'aws_s3_bucket',
      'aws_s3_bucket_lifecycle_configuration', 'aws_security_group', 'aws_vpc_security_group_ingress_rule', 'aws_route53_record',
    ]));
    expect(TERRAFORM_READERS.lookup('aws_alb')).toBe(TERRAFORM_READERS.lookup('aws_lb'));
  });

  test.each([
    ['cloudformation', () => readCloudFormation(cfnTemplate())],
    ['terraform', () => readTerraform(tfConfig())],
  ])('%s: reading does not change the input and is deterministic', (_, read) => {
    expect(JSON.stringify(read())).toBe(JSON.stringify(read()));
  });

  test('errors are LbkitConfigError with one-line messages', () => {
    const t = cfnTemplate();
    t.Resources.HttpListener.Properties.Protocol = 'TCP';
    const err = (() => { try { readCloudFormation(t); } catch (e) { return e as Error; } return undefined; })();
    expect(err).toBeInstanceOf(LbkitConfigError);
    expect(err!.message).not.toContain('\n');
  });
});
