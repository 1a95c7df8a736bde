import * as d from '../defaults';
import { LbkitValidationError } from '../errors';
import * as l from '../limits';
import { LoadBalancerEngineFacts } from './engine-facts';
import {
  AccessLogsModel, CertificateModel, compareText, DnsAliasModel, IpAddressType, isReference, LoadBalancerModel,
} from '../model/load-balancer-model';
import { AccessLogOptions, ManagedCertificateOptions } from '../options/web-api-options';
import { checkCidrs, isIpv6Cidr } from '../validation/network';
import { requireRange } from '../validation/range';

/** The parts every lbkit load balancer plans the same way, whatever its kind. */

/** How the engine's construct names its engine-typed options, for errors. */
export function engineOptionNames(facts: LoadBalancerEngineFacts) {
  return {
    subnets: facts.optionNames?.subnets ?? 'vpcSubnets',
    hostedZone: facts.optionNames?.hostedZone ?? 'hostedZone',
    certificates: facts.optionNames?.certificates ?? 'certificates',
  };
}

/** Which load balancer this is and how clients reach it: the model fields every kind shares, in model order. */
export function planIdentity(
  facts: LoadBalancerEngineFacts, loadBalancerName: string | undefined, internetFacing: boolean, ipAddressType: IpAddressType,
): Pick<LoadBalancerModel, 'name' | 'loadBalancerName' | 'scheme' | 'ipAddressType'> {
  return {
    name: facts.name,
    ...(loadBalancerName !== undefined ? { loadBalancerName } : {}),
    scheme: internetFacing ? 'internet-facing' : 'internal',
    ipAddressType,
  };
}

/** Imported certificates first, then the ones lbkit creates (which need the hosted zone). */
export function planCertificates(path: string, facts: LoadBalancerEngineFacts, managed: readonly ManagedCertificateOptions[]): CertificateModel[] {
  if (managed.length > 0 && !facts.hasHostedZone) {
    throw new LbkitValidationError(path, 'managedCertificates',
      `need a hosted zone to validate them by DNS (set ${engineOptionNames(facts).hostedZone})`, managed.map((m) => m.domainName));
  }
  const certificates: CertificateModel[] = [
    ...facts.importedCertificateArns.map((arn): CertificateModel => ({ kind: 'imported', arn })),
    ...managed.map((m): CertificateModel => ({ kind: 'managed', domainName: m.domainName, alternativeNames: [...(m.alternativeNames ?? [])] })),
  ];
  if (certificates.length > l.CERTIFICATES_PER_LOAD_BALANCER) {
    throw new LbkitValidationError(path, engineOptionNames(facts).certificates,
      `has ${certificates.length}; a listener takes one default plus at most ${l.CERTIFICATES_PER_LOAD_BALANCER - 1} SNI certificates`, certificates.length);
  }
  return certificates;
}

/** Client CIDRs: open to everyone (over IPv6 too with any dual-stack type) when internet-facing, named explicitly when internal. */
export function planAllowedCidrs(path: string, allowedCidrs: readonly string[] | undefined, internetFacing: boolean, dualStack: boolean): string[] {
  const allowed = [...(allowedCidrs ?? (internetFacing ? [d.PUBLIC_IPV4_CIDR, ...(dualStack ? [d.PUBLIC_IPV6_CIDR] : [])] : []))];
  if (allowed.length === 0) {
    throw new LbkitValidationError(path, 'allowedCidrs', 'must list the client networks of an internal load balancer (e.g. the VPC CIDR)', allowed);
  }
  checkCidrs(path, 'allowedCidrs', allowed);
  if (!dualStack) {
    const v6 = allowed.find((c) => !isReference(c) && isIpv6Cidr(c));
    if (v6) throw new LbkitValidationError(path, 'allowedCidrs', 'holds an IPv6 CIDR but ipAddressType is ipv4 (set IpAddressType.DUALSTACK)', v6);
  }
  return allowed;
}

/** Access logs that are on: to the user's bucket, or one lbkit creates with an expiry. */
export function planEnabledAccessLogs(path: string, options: AccessLogOptions, existingBucketName: string | undefined): AccessLogsModel {
  const expirationDays = options.expirationDays ?? d.ACCESS_LOG_EXPIRATION_DAYS;
  requireRange(path, 'accessLogs.expirationDays', expirationDays, 1, 36_500);
  if (options.prefix !== undefined && (/^\/|\/$|AWSLogs/.test(options.prefix))) {
    throw new LbkitValidationError(path, 'accessLogs.prefix', 'must not start or end with "/" nor contain "AWSLogs"', options.prefix);
  }
  return {
    enabled: true,
    bucket: existingBucketName !== undefined ? { kind: 'existing', bucketName: existingBucketName } : { kind: 'managed', expirationDays },
    ...(options.prefix !== undefined ? { prefix: options.prefix } : {}),
  };
}

/** Alias records to the load balancer: A, and AAAA with any dual-stack type, sorted by name then type. */
export function planAliasRecords(path: string, facts: LoadBalancerEngineFacts, names: readonly string[], dualStack: boolean): DnsAliasModel[] {
  if (names.length > 0 && !facts.hasHostedZone) {
    throw new LbkitValidationError(path, 'aliasRecordNames', `need a hosted zone (set ${engineOptionNames(facts).hostedZone})`, names);
  }
  return names
    .flatMap((name) => [{ name, type: 'A' as const }, ...(dualStack ? [{ name, type: 'AAAA' as const }] : [])])
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.type, b.type));
}
