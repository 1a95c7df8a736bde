import { CliError } from './cli-error';

/** Longest DNS name (RFC 1035). */
const MAX_DOMAIN_LENGTH = 253;
/** A DNS name a certificate can carry: ASCII labels of letters, digits and hyphens, optionally `*.` first (IDNs in punycode). */
const DOMAIN_NAME = /^(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** `--domain` values, each a DNS name, before a certificate is issued for it. */
export function domainFlags(values: readonly string[] | undefined): string[] | undefined {
  for (const value of values ?? []) {
    if (value.length > MAX_DOMAIN_LENGTH || !DOMAIN_NAME.test(value)) {
      throw new CliError(`--domain: '${value}' is not a domain name (e.g. api.example.com or *.example.com; internationalized names in punycode, xn--...)`);
    }
  }
  return values ? [...values] : undefined;
}
