import { Match } from 'aws-cdk-lib/assertions';
import { Annotations, errorOf, only, synth } from './fixtures';

const ACL_ARN = 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/shared/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

function lbId(template: ReturnType<typeof synth>['template']): string {
  return Object.keys(template.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'))[0];
}

describe('9. WAF', () => {
  test('by default a regional web ACL with the AWS managed groups and a per-IP rate limit, associated with the LB', () => {
    const { template } = synth();
    const acl = only(template, 'AWS::WAFv2::WebACL');
    expect(acl.Scope).toBe('REGIONAL');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    expect(acl.Rules.map((r: any) => [r.Priority, r.Name])).toEqual([
      [0, 'AWSManagedRulesCommonRuleSet'], [1, 'AWSManagedRulesKnownBadInputsRuleSet'], [2, 'RateLimitPerIp'],
    ]);
    expect(acl.Rules[0]).toMatchObject({
      OverrideAction: { None: {} },
      Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } },
    });
    expect(acl.Rules[2]).toMatchObject({
      Action: { Block: {} },
      Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
    });
    const aclId = Object.keys(template.findResources('AWS::WAFv2::WebACL'))[0];
    expect(only(template, 'AWS::WAFv2::WebACLAssociation')).toEqual({
      ResourceArn: { Ref: lbId(template) }, WebACLArn: { 'Fn::GetAtt': [aclId, 'Arn'] },
    });
  });

  test('the rate limit can be changed', () => {
    const { template } = synth({ waf: { rateLimitPer5Minutes: 500 } });
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ Limit: 500 }) } })]),
    });
  });

  test('an existing web ACL is only associated', () => {
    const { template } = synth({ waf: { webAclArn: ACL_ARN } });
    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    expect(only(template, 'AWS::WAFv2::WebACLAssociation')).toEqual({ ResourceArn: { Ref: lbId(template) }, WebACLArn: ACL_ARN });
  });

  test('off: nothing rendered, and a warning', () => {
    const { h, template } = synth({ waf: { enabled: false } });
    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 0);
    Annotations.fromStack(h.stack).hasWarning('/Stack/Api', Match.stringLikeRegexp('lbkit:wafDisabled'));
  });

  test('a rate limit below 10 and an ARN with WAF off are refused', () => {
    expect(errorOf({ waf: { rateLimitPer5Minutes: 5 } })).toBe('Stack/Api: waf.rateLimitPer5Minutes must be a whole number from 10 to 2000000000 (received: 5)');
    expect(errorOf({ waf: { enabled: false, webAclArn: ACL_ARN } })).toContain('Stack/Api: waf.webAclArn is set while waf.enabled is false');
  });
});
