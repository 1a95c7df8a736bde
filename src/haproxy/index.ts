export * from './compile';
export * from './unsupported';
