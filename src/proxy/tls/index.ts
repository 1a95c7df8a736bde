export * from './chosen-certificate';
export * from './local-ca';
export * from './tls-provider';
