export { startDnsServer, DnsServerOptions, DnsServerHandle } from './dns-server';
export { EndpointHealthEntry } from './endpoint-health-table';
