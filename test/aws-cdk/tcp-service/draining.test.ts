import { attributes, errorOf, synth, targetGroupOf } from './fixtures';
import { ListenerProtocol } from '../../../src/core';

const db = { name: 'db', port: 5432, protocol: ListenerProtocol.TCP };

describe('4. draining: 300 s by default, up to 3600 s, connection termination optional', () => {
  test('300 s and connections left open by default', () => {
    const attrs = attributes(targetGroupOf(synth().template, 'db').TargetGroupAttributes);
    expect(attrs['deregistration_delay.timeout_seconds']).toBe('300');
    expect(attrs['deregistration_delay.connection_termination.enabled']).toBe('false');
  });

  test('an hour for long sessions, closing what is still open at the end', () => {
    const { template } = synth({ listeners: [{ ...db, deregistrationDelaySeconds: 3600, terminateConnectionsOnDeregistration: true }] });
    expect(attributes(targetGroupOf(template, 'db').TargetGroupAttributes)).toMatchObject({
      'deregistration_delay.timeout_seconds': '3600',
      'deregistration_delay.connection_termination.enabled': 'true',
    });
  });

  test('0 s (no draining) is allowed', () => {
    const { template } = synth({ listeners: [{ ...db, deregistrationDelaySeconds: 0 }] });
    expect(attributes(targetGroupOf(template, 'db').TargetGroupAttributes)['deregistration_delay.timeout_seconds']).toBe('0');
  });

  test.each([[3601], [-1], [1.5]])('%p s is refused with the range', (seconds) => {
    expect(errorOf({ listeners: [{ ...db, deregistrationDelaySeconds: seconds }] }))
      .toBe(`Stack/Game: listeners["db"].deregistrationDelaySeconds must be a whole number from 0 to 3600 (received: ${seconds})`);
  });
});
