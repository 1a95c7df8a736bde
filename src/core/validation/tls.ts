import { LbkitValidationError } from '../errors';
import { LEGACY_TLS_POLICIES } from '../limits';
import { isReference } from '../model/load-balancer-model';

/** Refuses TLS policies that still negotiate TLS 1.0 or 1.1. */
export function checkSslPolicy(path: string, policy: string): void {
  if (isReference(policy)) return;
  const legacyName = /TLS13-1-[01]-|TLS-1-[01]-|^ELBSecurityPolicy-20(15|16)-|^ELBSecurityPolicy-FS-(2018|1-1)/.test(policy);
  if (LEGACY_TLS_POLICIES.includes(policy) || legacyName) {
    throw new LbkitValidationError(path, 'sslPolicy',
      'allows TLS 1.0 or 1.1; use a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09', policy);
  }
  if (!/^ELBSecurityPolicy-/.test(policy)) {
    throw new LbkitValidationError(path, 'sslPolicy', 'must name an ELB security policy (ELBSecurityPolicy-...)', policy);
  }
}
