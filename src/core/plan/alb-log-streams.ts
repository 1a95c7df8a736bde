import * as d from '../defaults';
import { LbkitValidationError } from '../errors';
import { AccessLogsModel, LogStreamModel } from '../model/load-balancer-model';
import { ConnectionLogOptions, HealthCheckLogOptions } from '../options/web-api-options';

/** What one ALB log type besides access logs is called in options and where its files go by default. */
interface LogStreamSpec {
  /** The option's name, for errors: connectionLogs or healthCheckLogs. */
  readonly option: string;
  /** Whether it is on when the options do not say (and access logs are on). */
  readonly enabledByDefault: boolean;
  /** Its prefix under the access-log prefix. */
  readonly prefix: string;
}

/** `<access prefix>/<own prefix>`, or the own prefix alone when access logs have none. */
function defaultPrefix(accessLogs: AccessLogsModel, own: string): string {
  return accessLogs.enabled && accessLogs.prefix !== undefined ? `${accessLogs.prefix}/${own}` : own;
}

/**
 * Connection or health-check logs: into the access-log bucket (ELB writes every log type with the same
 * delivery grant, so one hardened bucket serves all), under their own prefix. On only with access
 * logs: without them there is no bucket to write to.
 */
function planLogStream(
  path: string, spec: LogStreamSpec, options: ConnectionLogOptions | HealthCheckLogOptions | undefined, accessLogs: AccessLogsModel,
): LogStreamModel {
  const asked = options?.enabled;
  if (!accessLogs.enabled) {
    if (asked === true) {
      throw new LbkitValidationError(path, `${spec.option}.enabled`,
        'is true but access logs are off: these logs go to the access-log bucket (turn accessLogs on, or this off)', true);
    }
    if (options?.prefix !== undefined) {
      throw new LbkitValidationError(path, `${spec.option}.prefix`, 'is set but access logs are off, so these logs are off too', options.prefix);
    }
    return { enabled: false };
  }
  if (!(asked ?? spec.enabledByDefault)) {
    if (options?.prefix !== undefined) {
      throw new LbkitValidationError(path, `${spec.option}.prefix`, `is set while ${spec.option}.enabled is false`, options.prefix);
    }
    return { enabled: false };
  }
  const prefix = options?.prefix ?? defaultPrefix(accessLogs, spec.prefix);
  // AWS: "The prefix that you specify must not include the string AWSLogs"; a leading or trailing "/" makes empty key segments.
  if (prefix === '' || /^\/|\/$|AWSLogs/.test(prefix)) {
    throw new LbkitValidationError(path, `${spec.option}.prefix`, 'must not be empty, start or end with "/" nor contain "AWSLogs"', prefix);
  }
  return { enabled: true, prefix };
}

/** ALB connection logs: on with access logs unless turned off, under `<access prefix>/connection-logs`. */
export function planConnectionLogs(path: string, options: ConnectionLogOptions | undefined, accessLogs: AccessLogsModel): LogStreamModel {
  return planLogStream(path, { option: 'connectionLogs', enabledByDefault: d.CONNECTION_LOGS_ENABLED, prefix: d.CONNECTION_LOG_PREFIX }, options, accessLogs);
}

/** ALB health-check logs: off unless turned on (and then only with access logs), under `<access prefix>/health-check-logs`. */
export function planHealthCheckLogs(path: string, options: HealthCheckLogOptions | undefined, accessLogs: AccessLogsModel): LogStreamModel {
  return planLogStream(path, { option: 'healthCheckLogs', enabledByDefault: d.HEALTH_CHECK_LOGS_ENABLED, prefix: d.HEALTH_CHECK_LOG_PREFIX }, options, accessLogs);
}

/** The prefixes the log types besides access logs write under, when on: the bucket's delivery grant covers them too. */
export function logStreamPrefixes(...streams: LogStreamModel[]): (string | undefined)[] {
  return streams.flatMap((s) => (s.enabled ? [s.prefix] : []));
}
