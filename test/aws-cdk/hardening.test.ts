import { Match } from 'aws-cdk-lib/assertions';
import { Annotations, attributes, errorOf, only, synth } from './fixtures';
import { DesyncMitigationMode, XForwardedForMode } from '../../src/core';

const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';

describe('10. hardening attributes', () => {
  test('defaults: 60 s idle, HTTP/2, drop invalid headers, defensive desync, deletion protection, XFF append without port', () => {
    const { template } = synth();
    expect(only(template, LB).LoadBalancerAttributes.slice(0, 8)).toEqual([
      { Key: 'idle_timeout.timeout_seconds', Value: '60' },
      { Key: 'routing.http2.enabled', Value: 'true' },
      { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
      { Key: 'routing.http.desync_mitigation_mode', Value: 'defensive' },
      { Key: 'deletion_protection.enabled', Value: 'true' },
      { Key: 'routing.http.xff_header_processing.mode', Value: 'append' },
      { Key: 'routing.http.xff_client_port.enabled', Value: 'false' },
      { Key: 'access_logs.s3.enabled', Value: 'true' },
    ]);
  });

  test('overrides are rendered, with warnings for risky ones', () => {
    const { h, template } = synth({
      idleTimeoutSeconds: 1200,
      http2: false,
      dropInvalidHeaderFields: false,
      desyncMitigationMode: DesyncMitigationMode.STRICTEST,
      deletionProtection: false,
      xForwardedForMode: XForwardedForMode.REMOVE,
      xForwardedForClientPort: true,
    });
    expect(attributes(only(template, LB).LoadBalancerAttributes)).toMatchObject({
      'idle_timeout.timeout_seconds': '1200',
      'routing.http2.enabled': 'false',
      'routing.http.drop_invalid_header_fields.enabled': 'false',
      'routing.http.desync_mitigation_mode': 'strictest',
      'deletion_protection.enabled': 'false',
      'routing.http.xff_header_processing.mode': 'remove',
      'routing.http.xff_client_port.enabled': 'true',
    });
    const warnings = Annotations.fromStack(h.stack);
    warnings.hasWarning('/Stack/Api', Match.stringLikeRegexp('lbkit:deletionProtectionDisabled'));
    warnings.hasWarning('/Stack/Api', Match.stringLikeRegexp('idle timeout 1200 s.*lbkit:idleTimeoutHigh'));
  });

  test('MONITOR desync mode and an idle timeout above 4000 s are refused', () => {
    expect(errorOf({ desyncMitigationMode: DesyncMitigationMode.MONITOR })).toBe(
      'Stack/Api: desyncMitigationMode must be DEFENSIVE or STRICTEST: MONITOR forwards request-smuggling attempts to targets (received: "monitor")');
    expect(errorOf({ idleTimeoutSeconds: 4001 })).toBe('Stack/Api: idleTimeoutSeconds must be a whole number from 1 to 4000 (received: 4001)');
  });
});
