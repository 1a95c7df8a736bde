import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { ENDPOINT_TAG } from '../core/contract';
import { DnsHealthCheckModel } from '../core/model/dns-routing-model';

/**
 * The Route 53 health check of one endpoint, exactly as the model says: probed by name or by
 * address; path only for HTTP(S), search string only for string matching, regions only when
 * chosen. Tagged `lbkit:endpoint` with the endpoint name, which is how readers map it back.
 */
export function renderRoute53HealthCheck(scope: Construct, id: string, hc: DnsHealthCheckModel): route53.CfnHealthCheck {
  return new route53.CfnHealthCheck(scope, id, {
    healthCheckConfig: {
      type: hc.type,
      ...(hc.fqdn !== undefined ? { fullyQualifiedDomainName: hc.fqdn } : { ipAddress: hc.ipAddress }),
      port: hc.port,
      ...(hc.path !== undefined ? { resourcePath: hc.path } : {}),
      ...(hc.searchString !== undefined ? { searchString: hc.searchString } : {}),
      requestInterval: hc.requestIntervalSeconds,
      failureThreshold: hc.failureThreshold,
      measureLatency: hc.measureLatency,
      ...(hc.regions.length > 0 ? { regions: [...hc.regions] } : {}),
    },
    healthCheckTags: [{ key: ENDPOINT_TAG, value: hc.name }],
  });
}
