export { startDnsServer } from './dns-server';
export type { DnsServerOptions, DnsServerHandle } from './dns-server';
export type { EndpointHealthEntry } from './endpoint-health-table';
