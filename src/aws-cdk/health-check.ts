import { Duration } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { HealthCheckModel } from '../core/model/load-balancer-model';
import { NlbHealthCheckModel } from '../core/model/network-load-balancer-model';

const PROTOCOLS: Record<HealthCheckModel['protocol'] | NlbHealthCheckModel['protocol'], elbv2.Protocol> = {
  TCP: elbv2.Protocol.TCP,
  HTTP: elbv2.Protocol.HTTP,
  HTTPS: elbv2.Protocol.HTTPS,
};

/**
 * The health check of an ALB or NLB target group, for the L2 target groups: enabled, every
 * value from the model; path and matcher only where the model has them (HTTP/HTTPS checks).
 */
export function renderHealthCheck(hc: HealthCheckModel | NlbHealthCheckModel): elbv2.HealthCheck {
  return {
    enabled: true,
    protocol: PROTOCOLS[hc.protocol],
    path: hc.path,
    port: hc.port,
    interval: Duration.seconds(hc.intervalSeconds),
    timeout: Duration.seconds(hc.timeoutSeconds),
    healthyThresholdCount: hc.healthyThreshold,
    unhealthyThresholdCount: hc.unhealthyThreshold,
    healthyHttpCodes: hc.matcher,
  };
}
