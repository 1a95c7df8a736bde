import { errorOf, groupsByName, synth } from './fixtures';
import { ListenerProtocol as P } from '../../../src/core';

describe('4. draining: 300 s by default, up to 3600 s, optional connection termination (Terraform)', () => {
  test('300 s and connections left open by default', () => {
    const { tf } = synth();
    expect(groupsByName(tf).game).toMatchObject({ deregistration_delay: '300', connection_termination: false });
  });

  test('an hour for long sessions, with connections closed when draining ends', () => {
    const { tf } = synth({
      listeners: [
        { name: 'game', port: 7777, protocol: P.TCP, deregistrationDelaySeconds: 3600, terminateConnectionsOnDeregistration: true },
        { name: 'quick', port: 7780, protocol: P.TCP, deregistrationDelaySeconds: 0 },
      ],
    });
    expect(groupsByName(tf).game).toMatchObject({ deregistration_delay: '3600', connection_termination: true });
    expect(groupsByName(tf).quick).toMatchObject({ deregistration_delay: '0', connection_termination: false });
  });

  test('more than 3600 s is refused, naming the listener, the value and the limit', () => {
    expect(errorOf({ listeners: [{ name: 'game', port: 7777, protocol: P.TCP, deregistrationDelaySeconds: 3601 }] })).toBe(
      'Stack/Nlb: listeners["game"].deregistrationDelaySeconds must be a whole number from 0 to 3600 (received: 3601)');
  });
});
