// GENERATED from src/cdktf/render/web-acl.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { Wafv2WebAcl, Wafv2WebAclRule } from '@cdktn/provider-aws/lib/wafv2-web-acl';
import { Wafv2WebAclAssociation } from '@cdktn/provider-aws/lib/wafv2-web-acl-association';
import { Construct } from 'constructs';
import { WafModel } from '../../core/model/load-balancer-model';

const RATE_LIMIT_RULE = 'RateLimitPerIp';

function visibility(metricName: string) {
  return { cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}

/**
 * The model's WAF: a new regional web ACL (one rule per AWS managed rule group, then a
 * per-IP rate limit) with its association, an association with an existing ACL, or nothing.
 * `name` prefixes the ACL's name (Terraform adds a unique suffix, as for the load balancer)
 * and names its CloudWatch metrics.
 */
export function renderWaf(scope: Construct, waf: WafModel, loadBalancerArn: string, name: string): RenderedWaf {
  if (waf.kind === 'none') return {};
  let acl: Wafv2WebAcl | undefined;
  let webAclArn: string;
  if (waf.kind === 'existing') {
    webAclArn = waf.webAclArn;
  } else {
    const rules: Wafv2WebAclRule[] = [
      ...waf.managedRuleGroups.map((group, i): Wafv2WebAclRule => ({
        name: group,
        priority: i,
        overrideAction: { none: {} },
        statement: { managed_rule_group_statement: { name: group, vendor_name: 'AWS' } },
        visibilityConfig: visibility(`${name}-${group}`),
      })),
      {
        name: RATE_LIMIT_RULE,
        priority: waf.managedRuleGroups.length,
        action: { block: {} },
        statement: {
          rate_based_statement: {
            limit: waf.rateLimit,
            aggregate_key_type: 'IP',
            evaluation_window_sec: waf.rateLimitWindowSeconds,
          },
        },
        visibilityConfig: visibility(`${name}-${RATE_LIMIT_RULE}`),
      },
    ];
    acl = new Wafv2WebAcl(scope, 'WebAcl', {
      namePrefix: `${name}-`,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      rule: rules,
      visibilityConfig: visibility(name),
    });
    webAclArn = acl.arn;
  }
  const association = new Wafv2WebAclAssociation(scope, 'WebAclAssociation', { resourceArn: loadBalancerArn, webAclArn });
  return { ...(acl ? { webAcl: acl } : {}), association };
}

/** The WAF resources lbkit created, for escape hatches. */
export interface RenderedWaf {
  /** The web ACL, when lbkit created it (not an existing one). */
  readonly webAcl?: Wafv2WebAcl;
  /** The association, unless the WAF is off. */
  readonly association?: Wafv2WebAclAssociation;
}
