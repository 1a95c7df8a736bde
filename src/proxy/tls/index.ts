export * from './local-ca';
export * from './tls-provider';
