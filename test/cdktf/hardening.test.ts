import { errorOf, only, synth, warningsOf } from './fixtures';
import { DesyncMitigationMode, XForwardedForMode } from '../../src/core';

describe('10. load balancer hardening attributes (Terraform)', () => {
  test('defaults: drop invalid headers, defensive desync mitigation, deletion protection, HTTP/2, 60 s idle, XFF append', () => {
    const { tf, lb } = synth();
    expect(only(tf, 'aws_lb')).toMatchObject({
      drop_invalid_header_fields: true,
      desync_mitigation_mode: 'defensive',
      enable_deletion_protection: true,
      enable_http2: true,
      idle_timeout: 60,
      xff_header_processing_mode: 'append',
      enable_xff_client_port: false,
    });
    expect(warningsOf(lb)).toEqual([]);
  });

  test('overrides are written as given', () => {
    const { tf } = synth({
      desyncMitigationMode: DesyncMitigationMode.STRICTEST,
      http2: false,
      idleTimeoutSeconds: 300,
      xForwardedForMode: XForwardedForMode.PRESERVE,
      xForwardedForClientPort: true,
      dropInvalidHeaderFields: false,
    });
    expect(only(tf, 'aws_lb')).toMatchObject({
      desync_mitigation_mode: 'strictest',
      enable_http2: false,
      idle_timeout: 300,
      xff_header_processing_mode: 'preserve',
      enable_xff_client_port: true,
      drop_invalid_header_fields: false,
    });
  });

  test('turning deletion protection off is warned about', () => {
    const { tf, lb } = synth({ deletionProtection: false });
    expect(only(tf, 'aws_lb').enable_deletion_protection).toBe(false);
    expect(warningsOf(lb)).toContainEqual(expect.stringMatching(/^\[lbkit:deletionProtectionDisabled\] /));
  });

  test('a very high idle timeout is warned about, above 4000 s refused', () => {
    expect(warningsOf(synth({ idleTimeoutSeconds: 3600 }).lb)).toContainEqual(expect.stringMatching(/^\[lbkit:idleTimeoutHigh\] /));
    expect(errorOf({ idleTimeoutSeconds: 4001 })).toBe('Stack/Api: idleTimeoutSeconds must be a whole number from 1 to 4000 (received: 4001)');
  });

  test('MONITOR desync mitigation is refused', () => {
    expect(errorOf({ desyncMitigationMode: DesyncMitigationMode.MONITOR })).toBe(
      'Stack/Api: desyncMitigationMode must be DEFENSIVE or STRICTEST: MONITOR forwards request-smuggling attempts to targets (received: "monitor")');
  });
});
