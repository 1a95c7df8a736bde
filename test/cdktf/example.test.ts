import { rmSync } from 'fs';
import { synthExample, synthesizedJson, synthTwice, WEB_API } from './example-synth';

describe('the web-api example on Terraform', () => {
  test('synthesizes byte-identical cdk.tf.json twice (deterministic output)', () => {
    const [first, second] = synthTwice(WEB_API);
    expect(second).toBe(first);
  });

  test('matches the committed snapshot', () => {
    expect(synthesizedJson(WEB_API)).toMatchSnapshot();
  });

  test('holds the resources EXAMPLE.md describes', () => {
    const { dir, text } = synthExample();
    rmSync(dir, { recursive: true, force: true });
    const tf = JSON.parse(text);
    const count = (type: string) => Object.keys(tf.resource[type] ?? {}).length;
    expect(count('aws_lb')).toBe(1);
    expect(count('aws_lb_listener')).toBe(2);
    expect(count('aws_lb_listener_rule')).toBe(6); // five routes with conditions + lb-health
    expect(count('aws_lb_target_group')).toBe(6);
    expect(count('aws_lb_target_group_attachment')).toBe(7);
    expect(count('aws_acm_certificate')).toBe(2);
    expect(count('aws_lb_listener_certificate')).toBe(1);
    expect(count('aws_route53_record')).toBe(4); // two validation record sets + two aliases
    expect(tf.provider.aws).toEqual([{ region: 'eu-west-1' }]);
  });
});
