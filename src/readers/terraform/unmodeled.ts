import { UnmodeledFormat } from '../unmodeled';

/**
 * Terraform's side of reporting unmodeled properties: a resource's arguments are its body; the
 * meta-arguments and tags are never a model's. Terraform takes attributes as arguments of their
 * own, so there is no attribute list to look into.
 */
export const TERRAFORM_UNMODELED: UnmodeledFormat = {
  propertiesOf: (body) => body,
  withProperties: (_body, properties) => properties,
  // Meta-arguments, tags, and what lbkit writes that only AWS acts on (validation, the subnets, an
  // alarm's evaluation), never the local routing.
  notModel: {
    '*': ['//', 'depends_on', 'provider', 'lifecycle', 'count', 'for_each', 'provisioner', 'connection', 'tags', 'tags_all', 'vpc_id', 'description'],
    'aws_security_group': ['name_prefix'],
    'aws_s3_bucket': ['bucket_prefix'],
    'aws_lb': ['subnets'],
    'aws_alb': ['subnets'],
    'aws_acm_certificate': ['validation_method'],
    'aws_acm_certificate_validation': ['validation_record_fqdns'],
    'aws_route53_record': ['zone_id', 'allow_overwrite', 'records', 'ttl'],
    'aws_wafv2_web_acl': ['default_action', 'name_prefix', 'scope', 'visibility_config'],
    'aws_cloudwatch_dashboard': ['dashboard_name'],
    'aws_cloudwatch_metric_alarm': [
      'alarm_actions', 'ok_actions', 'insufficient_data_actions', 'alarm_description', 'alarm_name', 'comparison_operator', 'evaluation_periods', 'period', 'statistic', 'threshold', 'treat_missing_data',
    ],
  },
  attributeLists: {},
  attributeKey: 'key',
};
