import { rmSync } from 'fs';
import { GAME_SERVER, synthExample, synthesizedJson, synthTwice } from '../example-synth';
import { warningsOf } from '../fixtures';

describe('the game-server example on Terraform', () => {
  test('synthesizes byte-identical cdk.tf.json twice (deterministic output)', () => {
    const [first, second] = synthTwice(GAME_SERVER);
    expect(second).toBe(first);
  });

  test('matches the committed snapshot', () => {
    expect(synthesizedJson(GAME_SERVER)).toMatchSnapshot();
  });

  test('holds the resources EXAMPLE-NLB.md describes, and warns about source-IP affinity twice', () => {
    const { dir, text, loadBalancer } = synthExample(GAME_SERVER);
    rmSync(dir, { recursive: true, force: true });
    const tf = JSON.parse(text);
    const count = (type: string) => Object.keys(tf.resource[type] ?? {}).length;
    expect(count('aws_lb')).toBe(1);
    expect(count('aws_eip')).toBe(2);
    expect(count('aws_lb_listener')).toBe(4);
    expect(count('aws_lb_target_group')).toBe(4);
    expect(count('aws_lb_target_group_attachment')).toBe(6);
    expect(count('aws_acm_certificate')).toBe(1);
    expect(count('aws_lb_listener_certificate')).toBe(0);
    expect(count('aws_route53_record')).toBe(3); // one validation record set + two aliases
    expect(count('aws_s3_bucket')).toBe(1); // the TLS listener's access logs
    expect(tf.provider.aws).toEqual([{ region: 'eu-west-1' }]);
    expect(warningsOf(loadBalancer).map((w) => /^\[(lbkit:\w+)\] listener "([\w-]+)"/.exec(w)?.slice(1))).toEqual([
      ['lbkit:sourceIpAffinity', 'game'],
      ['lbkit:sourceIpAffinity', 'voice'],
    ]);
  });
});
