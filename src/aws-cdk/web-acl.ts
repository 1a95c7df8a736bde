import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { WafModel } from '../core/model/load-balancer-model';

/** A CloudWatch metric name from the load balancer's name (letters, digits, - and _ only). */
function metricName(name: string, suffix: string): string {
  return `${name}-${suffix}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 128);
}

/**
 * The WAF in front of the load balancer: a regional web ACL (allow by default, one rule per
 * AWS managed rule group, then a per-IP rate limit) and its association; an existing ACL
 * gets only the association; `none` renders nothing.
 */
export function renderWaf(scope: Construct, name: string, waf: WafModel, loadBalancerArn: string): RenderedWaf {
  if (waf.kind === 'none') return {};
  let webAclArn: string;
  let webAcl: wafv2.CfnWebACL | undefined;
  if (waf.kind === 'existing') {
    webAclArn = waf.webAclArn;
  } else {
    const visibility = (suffix: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName: metricName(name, suffix),
      sampledRequestsEnabled: true,
    });
    const rules: wafv2.CfnWebACL.RuleProperty[] = waf.managedRuleGroups.map((group, i) => ({
      name: group,
      priority: i,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: group } },
      visibilityConfig: visibility(group),
    }));
    rules.push({
      name: 'RateLimitPerIp',
      priority: waf.managedRuleGroups.length,
      action: { block: {} },
      statement: {
        rateBasedStatement: { limit: waf.rateLimit, aggregateKeyType: 'IP', evaluationWindowSec: waf.rateLimitWindowSeconds },
      },
      visibilityConfig: visibility('RateLimitPerIp'),
    });
    const acl = new wafv2.CfnWebACL(scope, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('WebAcl'),
      rules,
    });
    webAclArn = acl.attrArn;
    webAcl = acl;
  }
  const association = new wafv2.CfnWebACLAssociation(scope, 'WebAclAssociation', { resourceArn: loadBalancerArn, webAclArn });
  return { ...(webAcl ? { webAcl } : {}), association };
}

/** The WAF resources lbkit created, for escape hatches. */
export interface RenderedWaf {
  /** The web ACL, when lbkit created it (not an existing one). */
  readonly webAcl?: wafv2.CfnWebACL;
  /** The association, unless the WAF is off. */
  readonly association?: wafv2.CfnWebACLAssociation;
}
