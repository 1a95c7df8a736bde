import { AdviceRule } from './advice';

export const accessLogsDisabled: AdviceRule = {
  id: 'lbkit:accessLogsDisabled',
  check: (_options, model) => model.accessLogs.enabled ? [] :
    ['access logs are off: after an incident there is no record of who called what, when, and with which result.'],
};
