import { all, errorOf, only, ref, synth, warningsOf } from './fixtures';

const visibility = (metric: string) => ({ cloudwatch_metrics_enabled: true, metric_name: metric, sampled_requests_enabled: true });

describe('9. WAF: created, existing or off (Terraform)', () => {
  test('by default a regional web ACL with AWS managed rule groups and a per-IP rate limit, associated with the load balancer', () => {
    const { tf, lb } = synth();
    expect(only(tf, 'aws_wafv2_web_acl')).toEqual({
      name_prefix: 'lbkit-Stack-Api-',
      scope: 'REGIONAL',
      default_action: { allow: {} },
      rule: [
        {
          name: 'AWSManagedRulesCommonRuleSet',
          priority: 0,
          override_action: { none: {} },
          statement: { managed_rule_group_statement: { name: 'AWSManagedRulesCommonRuleSet', vendor_name: 'AWS' } },
          visibility_config: visibility('lbkit-Stack-Api-AWSManagedRulesCommonRuleSet'),
        },
        {
          name: 'AWSManagedRulesKnownBadInputsRuleSet',
          priority: 1,
          override_action: { none: {} },
          statement: { managed_rule_group_statement: { name: 'AWSManagedRulesKnownBadInputsRuleSet', vendor_name: 'AWS' } },
          visibility_config: visibility('lbkit-Stack-Api-AWSManagedRulesKnownBadInputsRuleSet'),
        },
        {
          name: 'RateLimitPerIp',
          priority: 2,
          action: { block: {} },
          statement: { rate_based_statement: { limit: 2000, aggregate_key_type: 'IP', evaluation_window_sec: 300 } },
          visibility_config: visibility('lbkit-Stack-Api-RateLimitPerIp'),
        },
      ],
      visibility_config: visibility('lbkit-Stack-Api'),
    });
    expect(only(tf, 'aws_wafv2_web_acl_association')).toEqual({
      resource_arn: ref(tf, 'aws_lb', 'Api/LoadBalancer', 'arn'),
      web_acl_arn: ref(tf, 'aws_wafv2_web_acl', 'Api/WebAcl', 'arn'),
    });
    expect(warningsOf(lb).filter((w) => w.includes('wafDisabled'))).toEqual([]);
  });

  test('the rate limit can be changed, within WAF\'s range', () => {
    const { tf } = synth({ waf: { rateLimitPer5Minutes: 500 } });
    expect(only(tf, 'aws_wafv2_web_acl').rule[2].statement.rate_based_statement.limit).toBe(500);
    expect(errorOf({ waf: { rateLimitPer5Minutes: 5 } })).toBe(
      'Stack/Api: waf.rateLimitPer5Minutes must be a whole number from 10 to 2000000000 (received: 5)');
  });

  test('an existing web ACL is only associated', () => {
    const arn = 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/shared/abc';
    const { tf } = synth({ waf: { webAclArn: arn } });
    expect(all(tf, 'aws_wafv2_web_acl')).toEqual([]);
    expect(only(tf, 'aws_wafv2_web_acl_association')).toEqual({ resource_arn: ref(tf, 'aws_lb', 'Api/LoadBalancer', 'arn'), web_acl_arn: arn });
  });

  test('off: no ACL, no association, and a warning for an internet-facing load balancer', () => {
    const { tf, lb } = synth({ waf: { enabled: false } });
    expect(all(tf, 'aws_wafv2_web_acl')).toEqual([]);
    expect(all(tf, 'aws_wafv2_web_acl_association')).toEqual([]);
    expect(warningsOf(lb)).toContainEqual(expect.stringMatching(/^\[lbkit:wafDisabled\] /));
  });

  test('an ACL ARN while WAF is off is refused', () => {
    expect(errorOf({ waf: { enabled: false, webAclArn: 'arn:x' } })).toBe('Stack/Api: waf.webAclArn is set while waf.enabled is false (received: "arn:x")');
  });
});
