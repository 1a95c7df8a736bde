import { AdviceRule } from './advice';

/**
 * Connection logs turned off while access logs are on (with access logs off, that rule's advice says
 * it already): TLS handshake failures never reach the access log.
 */
export const connectionLogsDisabled: AdviceRule = {
  id: 'lbkit:connectionLogsDisabled',
  check: (_options, model) => !model.accessLogs.enabled || model.connectionLogs.enabled ? [] :
    ['connection logs are off: TLS handshake failures (old clients, wrong names, bad client certificates) leave no record, '
      + 'as they never reach the access log.'],
};
