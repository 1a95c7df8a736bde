export * from './chosen-certificate';
export * from './ca-dir';
export * from './local-ca';
export * from './tls-provider';
