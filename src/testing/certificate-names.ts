import { AnyLoadBalancerModel, isApplicationModel } from './read-model';

/** A name a certificate can hold: DNS labels, optionally under one leading `*.`. */
const CERTIFICATE_NAME = /^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$/i;

/**
 * The names to issue local certificates for when the model knows its certificates only by ARN
 * (imported): the alias records' names and the literal or `*.` host conditions, so
 * `lb.fetch('https://api.example.com/')` verifies without a `domains` option. Undefined when
 * the model names its certificates (managed) or names nothing (the kit then issues `localhost`).
 */
export function namesForImportedCertificates(model: AnyLoadBalancerModel): string[] | undefined {
  if (!model.certificates.some((c) => c.kind === 'imported')) return undefined;
  const hosts = isApplicationModel(model) ? model.listeners.flatMap((l) => l.rules.flatMap((r) => r.conditions.hostHeaders ?? [])) : [];
  const names = [...model.dnsRecords.map((r) => r.name.replace(/\.$/, '')), ...hosts]
    .map((n) => n.toLowerCase())
    .filter((n) => CERTIFICATE_NAME.test(n));
  return names.length > 0 ? [...new Set(names)] : undefined;
}
