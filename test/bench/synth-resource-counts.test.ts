import { countDifferences, countResources, totalResources } from '../../bench/support/synth-resource-counts';

describe('resource counts', () => {
  test('a template counts its Resources by Type', () => {
    const template = {
      Resources: {
        A: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule' },
        B: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule' },
        C: { Type: 'AWS::EC2::SecurityGroup' },
      },
    };
    expect(countResources('cloudformation', template)).toEqual({ 'AWS::EC2::SecurityGroup': 1, 'AWS::ElasticLoadBalancingV2::ListenerRule': 2 });
    expect(Object.keys(countResources('cloudformation', template))).toEqual(['AWS::EC2::SecurityGroup', 'AWS::ElasticLoadBalancingV2::ListenerRule']);
  });

  test('a cdk.tf.json counts its resource blocks by type (for_each blocks once), not data sources', () => {
    const tf = {
      data: { aws_caller_identity: { me: {} } },
      resource: { aws_lb_listener_rule: { a: {}, b: {}, c: {} }, aws_route53_record: { validation: { for_each: '${toset([])}' } } },
    };
    expect(countResources('terraform', tf)).toEqual({ aws_lb_listener_rule: 3, aws_route53_record: 1 });
    expect(totalResources(countResources('terraform', tf))).toBe(4);
  });

  test('an output without resources counts none', () => {
    expect(countResources('cloudformation', {})).toEqual({});
    expect(countResources('terraform', {})).toEqual({});
  });

  test('differences list only the types whose counts differ, missing types as 0', () => {
    expect(countDifferences({ a: 1, b: 2, c: 3 }, { a: 1, b: 5, d: 1 })).toEqual([
      { type: 'b', lbkit: 2, handWritten: 5 },
      { type: 'c', lbkit: 3, handWritten: 0 },
      { type: 'd', lbkit: 0, handWritten: 1 },
    ]);
    expect(countDifferences({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
