/**
 * Small hand-written outputs in the shapes of notes/CONTRACT.md, independent of the
 * renderers, so the readers are tested on their own.
 */

export const CERT_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';

/** One ALB: HTTP redirect, HTTPS with an imported default and a managed SNI certificate, two rules, WAF, logs. */
export function cfnTemplate(): Record<string, any> {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { OtherCert: { Type: 'String' } },
    Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      LbSg: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: 'lb',
          SecurityGroupIngress: [
            { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' },
            { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' },
          ],
          SecurityGroupEgress: [
            { IpProtocol: 'icmp', FromPort: 252, ToPort: 86, CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' },
            { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIp: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] } },
          ],
        },
      },
      LbSgIngressV6: {
        Type: 'AWS::EC2::SecurityGroupIngress',
        Properties: { GroupId: { 'Fn::GetAtt': ['LbSg', 'GroupId'] }, IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv6: '::/0' },
      },
      Logs: {
        Type: 'AWS::S3::Bucket',
        Properties: { LifecycleConfiguration: { Rules: [{ ExpirationInDays: 30, Status: 'Enabled' }] } },
      },
      Lb: {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: {
          Type: 'application',
          Scheme: 'internet-facing',
          IpAddressType: 'dualstack',
          SecurityGroups: [{ 'Fn::GetAtt': ['LbSg', 'GroupId'] }],
          Subnets: ['subnet-a', 'subnet-b'],
          LoadBalancerAttributes: [
            { Key: 'idle_timeout.timeout_seconds', Value: '120' },
            { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
            { Key: 'deletion_protection.enabled', Value: 'true' },
            { Key: 'routing.http.desync_mitigation_mode', Value: 'strictest' },
            { Key: 'access_logs.s3.enabled', Value: 'true' },
            { Key: 'access_logs.s3.bucket', Value: { Ref: 'Logs' } },
            { Key: 'access_logs.s3.prefix', Value: 'alb' },
          ],
          Tags: [{ Key: 'lbkit:name', Value: 'Api' }],
        },
      },
      HttpListener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: {
          LoadBalancerArn: { Ref: 'Lb' },
          Port: 80,
          Protocol: 'HTTP',
          DefaultActions: [{ Type: 'redirect', RedirectConfig: { StatusCode: 'HTTP_301', Protocol: 'HTTPS', Port: '443' } }],
        },
      },
      HttpsListener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: {
          LoadBalancerArn: { Ref: 'Lb' },
          Port: 443,
          Protocol: 'HTTPS',
          SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
          Certificates: [{ CertificateArn: CERT_ARN }],
          DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'application/json', MessageBody: '{"message":"Not Found"}' } }],
        },
      },
      ManagedCert: {
        Type: 'AWS::CertificateManager::Certificate',
        Properties: { DomainName: 'api.example.com', SubjectAlternativeNames: ['www.example.com'], ValidationMethod: 'DNS' },
      },
      SniCerts: {
        Type: 'AWS::ElasticLoadBalancingV2::ListenerCertificate',
        Properties: { ListenerArn: { Ref: 'HttpsListener' }, Certificates: [{ CertificateArn: { Ref: 'ManagedCert' } }, { CertificateArn: { Ref: 'OtherCert' } }] },
      },
      ApiGroup: {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: {
          Port: 8080,
          Protocol: 'HTTP',
          ProtocolVersion: 'HTTP1',
          TargetType: 'ip',
          VpcId: { Ref: 'Vpc' },
          HealthCheckEnabled: true,
          HealthCheckProtocol: 'HTTP',
          HealthCheckPath: '/health',
          HealthCheckPort: 'traffic-port',
          HealthCheckIntervalSeconds: 15,
          HealthCheckTimeoutSeconds: 5,
          HealthyThresholdCount: 2,
          UnhealthyThresholdCount: 3,
          Matcher: { HttpCode: '200' },
          TargetGroupAttributes: [
            { Key: 'deregistration_delay.timeout_seconds', Value: '300' },
            { Key: 'load_balancing.algorithm.type', Value: 'least_outstanding_requests' },
            { Key: 'stickiness.enabled', Value: 'true' },
            { Key: 'stickiness.type', Value: 'app_cookie' },
            { Key: 'stickiness.app_cookie.cookie_name', Value: 'SESSION' },
            { Key: 'stickiness.app_cookie.duration_seconds', Value: '600' },
          ],
          Tags: [{ Key: 'lbkit:route', Value: 'api' }],
        },
      },
      // Everything absent: AWS's defaults.
      bare: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Port: 80, Protocol: 'HTTP', VpcId: { Ref: 'Vpc' } } },
      ApiRule: {
        Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
        Metadata: { 'lbkit:route': 'api' },
        Properties: {
          ListenerArn: { Ref: 'HttpsListener' },
          Priority: 29751,
          Conditions: [
            { Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } },
            { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-version', Values: ['2'] } },
            { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'Accept', Values: ['application/json'] } },
            { Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'v', Value: '2' }, { Value: 'beta' }] } },
          ],
          Actions: [{
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [{ TargetGroupArn: { Ref: 'ApiGroup' }, Weight: 90 }, { TargetGroupArn: { Ref: 'bare' }, Weight: 10 }],
              TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 300 },
            },
          }],
        },
      },
      // No lbkit:route metadata, the older `Values` form: the logical id names it.
      LegacyRule: {
        Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
        Properties: {
          ListenerArn: { Ref: 'HttpsListener' },
          Priority: 10,
          Conditions: [{ Field: 'host-header', Values: ['legacy.example.com'] }],
          Actions: [{ Type: 'forward', TargetGroupArn: { Ref: 'bare' } }],
        },
      },
      Acl: {
        Type: 'AWS::WAFv2::WebACL',
        Properties: {
          Scope: 'REGIONAL',
          DefaultAction: { Allow: {} },
          Rules: [
            { Name: 'rate', Priority: 2, Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: 1000, AggregateKeyType: 'IP', EvaluationWindowSec: 60 } } },
            { Name: 'bad', Priority: 1, OverrideAction: { None: {} }, Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' } } },
            { Name: 'common', Priority: 0, OverrideAction: { None: {} }, Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } } },
          ],
        },
      },
      AclAssociation: {
        Type: 'AWS::WAFv2::WebACLAssociation',
        Properties: { ResourceArn: { Ref: 'Lb' }, WebACLArn: { 'Fn::GetAtt': ['Acl', 'Arn'] } },
      },
      RecordA: {
        Type: 'AWS::Route53::RecordSet',
        Properties: {
          Name: 'api.example.com.',
          Type: 'A',
          HostedZoneId: 'Z0123456789EXAMPLE',
          AliasTarget: { DNSName: { 'Fn::Join': ['', ['dualstack.', { 'Fn::GetAtt': ['Lb', 'DNSName'] }]] }, HostedZoneId: { 'Fn::GetAtt': ['Lb', 'CanonicalHostedZoneID'] }, EvaluateTargetHealth: true },
        },
      },
      RecordAaaa: {
        Type: 'AWS::Route53::RecordSet',
        Properties: {
          Name: 'api.example.com.',
          Type: 'AAAA',
          HostedZoneId: 'Z0123456789EXAMPLE',
          AliasTarget: { DNSName: { 'Fn::GetAtt': ['Lb', 'DNSName'] }, HostedZoneId: { 'Fn::GetAtt': ['Lb', 'CanonicalHostedZoneID'] }, EvaluateTargetHealth: true },
        },
      },
      ValidationCname: { Type: 'AWS::Route53::RecordSet', Properties: { Name: '_x.api.example.com.', Type: 'CNAME', ResourceRecords: ['_y.acm-validations.aws.'] } },
    },
  };
}

/** The same load balancer as {@link cfnTemplate}, as cdktf writes it (blocks as objects and as lists). */
export function tfConfig(): Record<string, any> {
  return {
    '//': { metadata: { backend: 'local', stackName: 'web-api', version: '0.21.0' } },
    'terraform': { required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
    'provider': { aws: [{ region: 'eu-west-1' }] },
    'variable': { other_cert: { type: 'string' } },
    'data': { aws_vpc: { main: { id: 'vpc-1' } } },
    'resource': {
      aws_security_group: { lb_sg: { vpc_id: 'vpc-1' } },
      aws_vpc_security_group_ingress_rule: {
        https4: { security_group_id: '${aws_security_group.lb_sg.id}', cidr_ipv4: '0.0.0.0/0', from_port: 443, to_port: 443, ip_protocol: 'tcp' },
        https6: { security_group_id: '${aws_security_group.lb_sg.id}', cidr_ipv6: '::/0', from_port: 443, to_port: 443, ip_protocol: 'tcp' },
        http4: { security_group_id: '${aws_security_group.lb_sg.id}', cidr_ipv4: '0.0.0.0/0', from_port: 80, to_port: 80, ip_protocol: 'tcp' },
      },
      aws_vpc_security_group_egress_rule: {
        to_targets: { security_group_id: '${aws_security_group.lb_sg.id}', cidr_ipv4: '${data.aws_vpc.main.cidr_block}', from_port: 8080, to_port: 8080, ip_protocol: 'tcp' },
      },
      aws_s3_bucket: { logs: { bucket_prefix: 'logs' } },
      aws_s3_bucket_lifecycle_configuration: {
        logs: { bucket: '${aws_s3_bucket.logs.id}', rule: [{ id: 'expire', status: 'Enabled', expiration: { days: 30 } }] },
      },
      aws_lb: {
        lb: {
          load_balancer_type: 'application',
          internal: false,
          ip_address_type: 'dualstack',
          security_groups: ['${aws_security_group.lb_sg.id}'],
          subnets: ['subnet-a', 'subnet-b'],
          idle_timeout: 120,
          enable_http2: true,
          drop_invalid_header_fields: true,
          desync_mitigation_mode: 'strictest',
          enable_deletion_protection: true,
          xff_header_processing_mode: 'append',
          enable_xff_client_port: false,
          access_logs: { bucket: '${aws_s3_bucket.logs.bucket}', prefix: 'alb', enabled: true },
          tags: { 'lbkit:name': 'Api' },
        },
      },
      aws_lb_listener: {
        http: {
          load_balancer_arn: '${aws_lb.lb.arn}',
          port: 80,
          protocol: 'HTTP',
          default_action: [{ type: 'redirect', redirect: { status_code: 'HTTP_301', protocol: 'HTTPS', port: '443' } }],
        },
        https: {
          load_balancer_arn: '${aws_lb.lb.arn}',
          port: 443,
          protocol: 'HTTPS',
          ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
          certificate_arn: CERT_ARN,
          default_action: [{ type: 'fixed-response', fixed_response: [{ status_code: '404', content_type: 'application/json', message_body: '{"message":"Not Found"}' }] }],
        },
      },
      aws_acm_certificate: {
        managed: { domain_name: 'api.example.com', subject_alternative_names: ['www.example.com'], validation_method: 'DNS' },
      },
      aws_acm_certificate_validation: {
        managed: { certificate_arn: '${aws_acm_certificate.managed.arn}', validation_record_fqdns: [] },
      },
      aws_lb_listener_certificate: {
        sni1: { listener_arn: '${aws_lb_listener.https.arn}', certificate_arn: '${aws_acm_certificate_validation.managed.certificate_arn}' },
        sni2: { listener_arn: '${aws_lb_listener.https.arn}', certificate_arn: '${var.other_cert}' },
      },
      aws_lb_target_group: {
        api: {
          port: 8080,
          protocol: 'HTTP',
          protocol_version: 'HTTP1',
          target_type: 'ip',
          vpc_id: 'vpc-1',
          load_balancing_algorithm_type: 'least_outstanding_requests',
          deregistration_delay: '300',
          stickiness: { enabled: true, type: 'app_cookie', cookie_duration: 600, cookie_name: 'SESSION' },
          health_check: { enabled: true, protocol: 'HTTP', path: '/health', port: 'traffic-port', interval: 15, timeout: 5, healthy_threshold: 2, unhealthy_threshold: 3, matcher: '200' },
          tags: { 'lbkit:route': 'api' },
          lifecycle: { create_before_destroy: true },
        },
        bare: { port: 80, protocol: 'HTTP', vpc_id: 'vpc-1' },
      },
      aws_lb_listener_rule: {
        api: {
          listener_arn: '${aws_lb_listener.https.arn}',
          priority: 29751,
          condition: [
            { path_pattern: { values: ['/api/*'] } },
            { http_header: { http_header_name: 'x-version', values: ['2'] } },
            { http_header: { http_header_name: 'Accept', values: ['application/json'] } },
            { query_string: [{ key: 'v', value: '2' }, { value: 'beta' }] },
          ],
          action: [{
            type: 'forward',
            forward: {
              target_group: [{ arn: '${aws_lb_target_group.api.arn}', weight: 90 }, { arn: '${aws_lb_target_group.bare.arn}', weight: 10 }],
              stickiness: { enabled: true, duration: 300 },
            },
          }],
          tags: { 'lbkit:route': 'api' },
        },
        LegacyRule: {
          listener_arn: '${aws_lb_listener.https.arn}',
          priority: 10,
          condition: [{ host_header: [{ values: ['legacy.example.com'] }] }],
          action: [{ type: 'forward', target_group_arn: '${aws_lb_target_group.bare.arn}' }],
        },
      },
      aws_wafv2_web_acl: {
        acl: {
          scope: 'REGIONAL',
          default_action: { allow: {} },
          rule: [
            { name: 'rate', priority: 2, action: { block: {} }, statement: { rate_based_statement: { limit: 1000, aggregate_key_type: 'IP', evaluation_window_sec: 60 } } },
            { name: 'bad', priority: 1, override_action: { none: {} }, statement: { managed_rule_group_statement: { vendor_name: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' } } },
            { name: 'common', priority: 0, override_action: { none: {} }, statement: { managed_rule_group_statement: { vendor_name: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } } },
          ],
        },
      },
      aws_wafv2_web_acl_association: { acl: { resource_arn: '${aws_lb.lb.arn}', web_acl_arn: '${aws_wafv2_web_acl.acl.arn}' } },
      aws_route53_record: {
        a: { zone_id: 'Z0123456789EXAMPLE', name: 'api.example.com', type: 'A', alias: { name: '${aws_lb.lb.dns_name}', zone_id: '${aws_lb.lb.zone_id}', evaluate_target_health: true } },
        aaaa: { zone_id: 'Z0123456789EXAMPLE', name: 'api.example.com', type: 'AAAA', alias: [{ name: '${aws_lb.lb.dns_name}', zone_id: '${aws_lb.lb.zone_id}', evaluate_target_health: true }] },
        validation: { zone_id: 'Z0123456789EXAMPLE', name: '_x.api.example.com', type: 'CNAME', records: ['_y'], ttl: 60 },
      },
    },
  };
}
