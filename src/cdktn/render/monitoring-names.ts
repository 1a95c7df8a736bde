// GENERATED from src/cdktf/render/monitoring-names.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { createHash } from 'crypto';

/** CloudWatch's length limit of alarm and dashboard names. */
const NAME_MAX_LENGTH = 255;
const HASH_LENGTH = 8;

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);

/** `name` when it fits; else its start and a hash of all of it, so two long names stay distinct. */
function bounded(name: string): string {
  return name.length <= NAME_MAX_LENGTH ? name : `${name.slice(0, NAME_MAX_LENGTH - HASH_LENGTH - 1)}-${hashOf(name)}`;
}

/**
 * `alarm_name` of one of a load balancer's alarms (required by the provider; CloudWatch names are
 * unique per account and region): the construct path and the alarm's id, e.g.
 * `lbkit-Stack/Api/unhealthy-hosts:orders`. Paths are unique in an app and ids within a load balancer.
 */
export function alarmName(constructPath: string, alarmId: string): string {
  return bounded(`lbkit-${constructPath}/${alarmId}`);
}

/**
 * `dashboard_name` of a load balancer's dashboard: CloudWatch allows only `[A-Za-z0-9_-]`, so the
 * construct path is written in that set, and a hash of the path keeps paths that read alike there
 * (`a/b`, `a-b`) apart, e.g. `lbkit-Stack-Api-1f2e3d4c`.
 */
export function dashboardName(constructPath: string): string {
  const readable = `lbkit-${constructPath}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const hash = hashOf(constructPath);
  return `${readable.slice(0, NAME_MAX_LENGTH - HASH_LENGTH - 1)}-${hash}`;
}
