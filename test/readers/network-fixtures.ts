/**
 * Hand-written network load balancer outputs in the shapes of notes/CONTRACT-NLB.md,
 * independent of the renderers, so the NLB readers are tested on their own.
 */

export const NLB_CERT_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';

const tcpCheck = { HealthCheckEnabled: true, HealthCheckProtocol: 'TCP', HealthCheckIntervalSeconds: 15, HealthCheckTimeoutSeconds: 5, HealthyThresholdCount: 2, UnhealthyThresholdCount: 3 };

/**
 * One NLB `Game`: TCP_UDP 53 (no lbkit keys: engine ids), TCP 7777 with affinity and an hour of
 * draining, UDP 7778 checked over TCP 7777, two TLS listeners sharing certificates (imported
 * default, managed SNI), Elastic IPs, dual stack, logs to a managed bucket, tcp/udp SG rules,
 * alias records; plus a VPC, EIPs and a validation CNAME the reader skips.
 */
export function nlbTemplate(): Record<string, any> {
  return {
    Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Eip1: { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } },
      Eip2: { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } },
      Sg: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: 'nlb',
          SecurityGroupIngress: [
            { IpProtocol: 'tcp', FromPort: 7777, ToPort: 7777, CidrIp: '0.0.0.0/0' },
            { IpProtocol: 'udp', FromPort: 7778, ToPort: 7778, CidrIp: '0.0.0.0/0' },
            { IpProtocol: 'udp', FromPort: 53, ToPort: 53, CidrIp: '0.0.0.0/0' },
            { IpProtocol: 'tcp', FromPort: 53, ToPort: 53, CidrIp: '0.0.0.0/0' },
            { IpProtocol: 'tcp', FromPort: 8883, ToPort: 8883, CidrIp: '0.0.0.0/0' },
            { IpProtocol: 'tcp', FromPort: 8993, ToPort: 8993, CidrIp: '0.0.0.0/0' },
          ],
          SecurityGroupEgress: [
            { IpProtocol: 'icmp', FromPort: 252, ToPort: 86, CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' },
            { IpProtocol: 'tcp', FromPort: 7777, ToPort: 7777, CidrIp: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] } },
            { IpProtocol: 'udp', FromPort: 7778, ToPort: 7778, CidrIp: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] } },
            { IpProtocol: 'tcp', FromPort: 1883, ToPort: 1883, CidrIp: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] } },
          ],
        },
      },
      SgIngressV6: {
        Type: 'AWS::EC2::SecurityGroupIngress',
        Properties: { GroupId: { 'Fn::GetAtt': ['Sg', 'GroupId'] }, IpProtocol: 'udp', FromPort: 7778, ToPort: 7778, CidrIpv6: '::/0' },
      },
      Logs: { Type: 'AWS::S3::Bucket', Properties: { LifecycleConfiguration: { Rules: [{ ExpirationInDays: 30, Status: 'Enabled' }] } } },
      Lb: {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: {
          Type: 'network',
          Name: 'game-nlb',
          Scheme: 'internet-facing',
          IpAddressType: 'dualstack',
          SecurityGroups: [{ 'Fn::GetAtt': ['Sg', 'GroupId'] }],
          SubnetMappings: [
            { SubnetId: 'subnet-a', AllocationId: { 'Fn::GetAtt': ['Eip1', 'AllocationId'] } },
            { SubnetId: 'subnet-b', AllocationId: { 'Fn::GetAtt': ['Eip2', 'AllocationId'] } },
          ],
          LoadBalancerAttributes: [
            { Key: 'load_balancing.cross_zone.enabled', Value: 'true' },
            { Key: 'deletion_protection.enabled', Value: 'true' },
            { Key: 'access_logs.s3.enabled', Value: 'true' },
            { Key: 'access_logs.s3.bucket', Value: { Ref: 'Logs' } },
            { Key: 'access_logs.s3.prefix', Value: 'nlb' },
          ],
          Tags: [{ Key: 'lbkit:name', Value: 'Game' }],
        },
      },
      DnsListener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: { LoadBalancerArn: { Ref: 'Lb' }, Port: 53, Protocol: 'TCP_UDP', DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'DnsGroup' } }] },
      },
      GameListener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Metadata: { 'lbkit:listener': 'game' },
        Properties: { LoadBalancerArn: { Ref: 'Lb' }, Port: 7777, Protocol: 'TCP', DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'GameGroup' } }] },
      },
      VoiceListener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Metadata: { 'lbkit:listener': 'voice' },
        Properties: {
          LoadBalancerArn: { Ref: 'Lb' },
          Port: 7778,
          Protocol: 'UDP',
          // The ForwardConfig form with one group reads the same.
          DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: { Ref: 'VoiceGroup' }, Weight: 1 }] } }],
        },
      },
      MqttListener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Metadata: { 'lbkit:listener': 'mqtt' },
        Properties: {
          LoadBalancerArn: { Ref: 'Lb' },
          Port: 8883,
          Protocol: 'TLS',
          SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
          AlpnPolicy: ['HTTP2Preferred'],
          Certificates: [{ CertificateArn: NLB_CERT_ARN }],
          DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'MqttGroup' } }],
        },
      },
      // Without AlpnPolicy: AWS's None.
      MqttsListener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Metadata: { 'lbkit:listener': 'mqtts' },
        Properties: {
          LoadBalancerArn: { Ref: 'Lb' },
          Port: 8993,
          Protocol: 'TLS',
          SslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06',
          Certificates: [{ CertificateArn: NLB_CERT_ARN }],
          DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'MqttGroup' } }],
        },
      },
      ManagedCert: {
        Type: 'AWS::CertificateManager::Certificate',
        Properties: { DomainName: 'mqtt.example.com', SubjectAlternativeNames: ['broker.example.com'], ValidationMethod: 'DNS' },
      },
      MqttSni: {
        Type: 'AWS::ElasticLoadBalancingV2::ListenerCertificate',
        Properties: { ListenerArn: { Ref: 'MqttListener' }, Certificates: [{ CertificateArn: { Ref: 'ManagedCert' } }] },
      },
      MqttsSni: {
        Type: 'AWS::ElasticLoadBalancingV2::ListenerCertificate',
        Properties: { ListenerArn: { Ref: 'MqttsListener' }, Certificates: [{ CertificateArn: { Ref: 'ManagedCert' } }] },
      },
      GameGroup: {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: {
          Protocol: 'TCP',
          Port: 7777,
          TargetType: 'ip',
          VpcId: { Ref: 'Vpc' },
          ...tcpCheck,
          HealthCheckPort: 'traffic-port',
          TargetGroupAttributes: [
            { Key: 'deregistration_delay.timeout_seconds', Value: '3600' },
            { Key: 'deregistration_delay.connection_termination.enabled', Value: 'true' },
            { Key: 'stickiness.enabled', Value: 'true' },
            { Key: 'stickiness.type', Value: 'source_ip' },
            { Key: 'preserve_client_ip.enabled', Value: 'true' },
            { Key: 'proxy_protocol_v2.enabled', Value: 'false' },
          ],
          Tags: [{ Key: 'lbkit:route', Value: 'game' }],
        },
      },
      VoiceGroup: {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: {
          Protocol: 'UDP',
          Port: 7778,
          TargetType: 'ip',
          VpcId: { Ref: 'Vpc' },
          ...tcpCheck,
          HealthCheckPort: '7777',
          TargetGroupAttributes: [
            { Key: 'deregistration_delay.timeout_seconds', Value: '3600' },
            { Key: 'deregistration_delay.connection_termination.enabled', Value: 'false' },
            { Key: 'stickiness.enabled', Value: 'true' },
            { Key: 'stickiness.type', Value: 'source_ip' },
            { Key: 'preserve_client_ip.enabled', Value: 'true' },
            { Key: 'proxy_protocol_v2.enabled', Value: 'false' },
          ],
          Tags: [{ Key: 'lbkit:route', Value: 'voice' }],
        },
      },
      MqttGroup: {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: {
          Protocol: 'TCP',
          Port: 1883,
          TargetType: 'ip',
          VpcId: { Ref: 'Vpc' },
          HealthCheckEnabled: true,
          HealthCheckProtocol: 'HTTP',
          HealthCheckPath: '/health',
          HealthCheckPort: '8080',
          HealthCheckIntervalSeconds: 10,
          HealthCheckTimeoutSeconds: 6,
          HealthyThresholdCount: 3,
          UnhealthyThresholdCount: 3,
          Matcher: { HttpCode: '200-299' },
          TargetGroupAttributes: [
            { Key: 'deregistration_delay.timeout_seconds', Value: '300' },
            { Key: 'deregistration_delay.connection_termination.enabled', Value: 'false' },
            { Key: 'stickiness.enabled', Value: 'false' },
            { Key: 'preserve_client_ip.enabled', Value: 'false' },
            { Key: 'proxy_protocol_v2.enabled', Value: 'true' },
          ],
          Tags: [{ Key: 'lbkit:route', Value: 'mqtt' }],
        },
      },
      // Everything absent: AWS's defaults for an NLB target group; named by its logical id.
      DnsGroup: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Protocol: 'TCP_UDP', Port: 53, VpcId: { Ref: 'Vpc' } } },
      RecordA: {
        Type: 'AWS::Route53::RecordSet',
        Properties: {
          Name: 'play.example.com.',
          Type: 'A',
          HostedZoneId: 'Z0123456789EXAMPLE',
          AliasTarget: { DNSName: { 'Fn::GetAtt': ['Lb', 'DNSName'] }, HostedZoneId: { 'Fn::GetAtt': ['Lb', 'CanonicalHostedZoneID'] }, EvaluateTargetHealth: true },
        },
      },
      RecordAaaa: {
        Type: 'AWS::Route53::RecordSet',
        Properties: {
          Name: 'play.example.com.',
          Type: 'AAAA',
          HostedZoneId: 'Z0123456789EXAMPLE',
          AliasTarget: { DNSName: { 'Fn::GetAtt': ['Lb', 'DNSName'] }, HostedZoneId: { 'Fn::GetAtt': ['Lb', 'CanonicalHostedZoneID'] }, EvaluateTargetHealth: true },
        },
      },
      ValidationCname: { Type: 'AWS::Route53::RecordSet', Properties: { Name: '_x.mqtt.example.com.', Type: 'CNAME', ResourceRecords: ['_y.acm-validations.aws.'] } },
    },
  };
}

const sgRule = (ip_protocol: string, port: number, cidr: string) => ({
  security_group_id: '${aws_security_group.sg.id}',
  ...(cidr.includes(':') ? { cidr_ipv6: cidr } : { cidr_ipv4: cidr }),
  from_port: port,
  to_port: port,
  ip_protocol,
});
const tcpHealth = { enabled: true, protocol: 'TCP', port: 'traffic-port', interval: 15, timeout: 5, healthy_threshold: 2, unhealthy_threshold: 3 };

/** The same network load balancer as {@link nlbTemplate}, as cdktf writes it. */
export function nlbConfig(): Record<string, any> {
  return {
    terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
    provider: { aws: [{ region: 'eu-west-1' }] },
    resource: {
      aws_eip: { eip_a: { domain: 'vpc' }, eip_b: { domain: 'vpc' } },
      aws_security_group: { sg: { vpc_id: 'vpc-1' } },
      aws_vpc_security_group_ingress_rule: {
        game: sgRule('tcp', 7777, '0.0.0.0/0'),
        voice: sgRule('udp', 7778, '0.0.0.0/0'),
        voice6: sgRule('udp', 7778, '::/0'),
        dns_tcp: sgRule('tcp', 53, '0.0.0.0/0'),
        dns_udp: sgRule('udp', 53, '0.0.0.0/0'),
        mqtt: sgRule('tcp', 8883, '0.0.0.0/0'),
        mqtts: sgRule('tcp', 8993, '0.0.0.0/0'),
      },
      aws_vpc_security_group_egress_rule: {
        game: sgRule('tcp', 7777, '${data.aws_vpc.main.cidr_block}'),
        voice: sgRule('udp', 7778, '${data.aws_vpc.main.cidr_block}'),
        mqtt: sgRule('tcp', 1883, '${data.aws_vpc.main.cidr_block}'),
      },
      aws_s3_bucket: { logs: { bucket_prefix: 'logs' } },
      aws_s3_bucket_lifecycle_configuration: {
        logs: { bucket: '${aws_s3_bucket.logs.id}', rule: [{ id: 'expire', status: 'Enabled', expiration: { days: 30 } }] },
      },
      aws_lb: {
        lb: {
          load_balancer_type: 'network',
          name: 'game-nlb',
          internal: false,
          ip_address_type: 'dualstack',
          security_groups: ['${aws_security_group.sg.id}'],
          subnet_mapping: [
            { subnet_id: 'subnet-a', allocation_id: '${aws_eip.eip_a.allocation_id}' },
            { subnet_id: 'subnet-b', allocation_id: '${aws_eip.eip_b.allocation_id}' },
          ],
          enable_cross_zone_load_balancing: true,
          enable_deletion_protection: true,
          access_logs: { bucket: '${aws_s3_bucket.logs.bucket}', prefix: 'nlb', enabled: true },
          tags: { 'lbkit:name': 'Game' },
        },
      },
      aws_lb_listener: {
        DnsListener: { load_balancer_arn: '${aws_lb.lb.arn}', port: 53, protocol: 'TCP_UDP', default_action: [{ type: 'forward', target_group_arn: '${aws_lb_target_group.DnsGroup.arn}' }] },
        game: {
          load_balancer_arn: '${aws_lb.lb.arn}',
          port: 7777,
          protocol: 'TCP',
          default_action: [{ type: 'forward', target_group_arn: '${aws_lb_target_group.game.arn}' }],
          tags: { 'lbkit:listener': 'game' },
        },
        voice: {
          load_balancer_arn: '${aws_lb.lb.arn}',
          port: 7778,
          protocol: 'UDP',
          default_action: [{ type: 'forward', forward: { target_group: [{ arn: '${aws_lb_target_group.voice.arn}', weight: 1 }] } }],
          tags: { 'lbkit:listener': 'voice' },
        },
        mqtt: {
          load_balancer_arn: '${aws_lb.lb.arn}',
          port: 8883,
          protocol: 'TLS',
          ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
          alpn_policy: 'HTTP2Preferred',
          certificate_arn: NLB_CERT_ARN,
          default_action: [{ type: 'forward', target_group_arn: '${aws_lb_target_group.mqtt.arn}' }],
          tags: { 'lbkit:listener': 'mqtt' },
        },
        mqtts: {
          load_balancer_arn: '${aws_lb.lb.arn}',
          port: 8993,
          protocol: 'TLS',
          ssl_policy: 'ELBSecurityPolicy-TLS13-1-3-2021-06',
          certificate_arn: NLB_CERT_ARN,
          default_action: [{ type: 'forward', target_group_arn: '${aws_lb_target_group.mqtt.arn}' }],
          tags: { 'lbkit:listener': 'mqtts' },
        },
      },
      aws_acm_certificate: { managed: { domain_name: 'mqtt.example.com', subject_alternative_names: ['broker.example.com'], validation_method: 'DNS' } },
      aws_acm_certificate_validation: { managed: { certificate_arn: '${aws_acm_certificate.managed.arn}', validation_record_fqdns: [] } },
      aws_lb_listener_certificate: {
        mqtt_sni: { listener_arn: '${aws_lb_listener.mqtt.arn}', certificate_arn: '${aws_acm_certificate_validation.managed.certificate_arn}' },
        mqtts_sni: { listener_arn: '${aws_lb_listener.mqtts.arn}', certificate_arn: '${aws_acm_certificate_validation.managed.certificate_arn}' },
      },
      aws_lb_target_group: {
        game: {
          protocol: 'TCP',
          port: 7777,
          target_type: 'ip',
          vpc_id: 'vpc-1',
          deregistration_delay: '3600',
          connection_termination: true,
          preserve_client_ip: 'true',
          proxy_protocol_v2: false,
          stickiness: { enabled: true, type: 'source_ip' },
          health_check: tcpHealth,
          tags: { 'lbkit:route': 'game' },
          lifecycle: { create_before_destroy: true },
        },
        voice: {
          protocol: 'UDP',
          port: 7778,
          target_type: 'ip',
          vpc_id: 'vpc-1',
          deregistration_delay: 3600,
          connection_termination: false,
          preserve_client_ip: 'true',
          proxy_protocol_v2: false,
          stickiness: [{ type: 'source_ip' }],
          health_check: [{ ...tcpHealth, port: '7777' }],
          tags: { 'lbkit:route': 'voice' },
        },
        mqtt: {
          protocol: 'TCP',
          port: 1883,
          target_type: 'ip',
          vpc_id: 'vpc-1',
          deregistration_delay: '300',
          connection_termination: false,
          preserve_client_ip: 'false',
          proxy_protocol_v2: true,
          health_check: { enabled: true, protocol: 'HTTP', path: '/health', port: '8080', interval: 10, timeout: 6, healthy_threshold: 3, unhealthy_threshold: 3, matcher: '200-299' },
          tags: { 'lbkit:route': 'mqtt' },
        },
        DnsGroup: { protocol: 'TCP_UDP', port: 53, vpc_id: 'vpc-1' },
      },
      aws_route53_record: {
        a: { zone_id: 'Z0123456789EXAMPLE', name: 'play.example.com', type: 'A', alias: { name: '${aws_lb.lb.dns_name}', zone_id: '${aws_lb.lb.zone_id}', evaluate_target_health: true } },
        aaaa: { zone_id: 'Z0123456789EXAMPLE', name: 'play.example.com', type: 'AAAA', alias: [{ name: '${aws_lb.lb.dns_name}', zone_id: '${aws_lb.lb.zone_id}', evaluate_target_health: true }] },
        validation: { zone_id: 'Z0123456789EXAMPLE', name: '_x.mqtt.example.com', type: 'CNAME', records: ['_y'], ttl: 60 },
      },
    },
  };
}
