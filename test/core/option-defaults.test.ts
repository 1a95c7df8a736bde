import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';
import * as defaults from '../../src/core/defaults';
import * as enums from '../../src/core/options/enums';

// The `@default` written in an option's docs (what users read in API.md) must be the value the
// plans fill in, which lives once in core/defaults.ts. Checked for numbers, strings and enum
// members; prose defaults (`@default - ...`) and booleans (planned inline as `?? true`) are not.

const OPTIONS_DIR = join(__dirname, '..', '..', 'src', 'core', 'options');

/** Option → constant where the constant is not the option's name in UPPER_SNAKE_CASE. */
const CONSTANT_OF: Record<string, keyof typeof defaults> = {
  'AccessLogOptions.expirationDays': 'ACCESS_LOG_EXPIRATION_DAYS',
  'StrictTransportSecurityOptions.maxAgeSeconds': 'HSTS_MAX_AGE_SECONDS',
  'WafOptions.rateLimitPer5Minutes': 'WAF_RATE_LIMIT_PER_5_MINUTES',
  'HealthCheckTimingOptions.intervalSeconds': 'HEALTH_CHECK_INTERVAL_SECONDS',
  'HealthCheckTimingOptions.timeoutSeconds': 'HEALTH_CHECK_TIMEOUT_SECONDS',
  'HealthCheckOptions.path': 'HEALTH_CHECK_PATH',
  'HealthCheckOptions.healthyHttpCodes': 'HEALTH_CHECK_MATCHER',
  'TcpHealthCheckOptions.healthyHttpCodes': 'HEALTH_CHECK_MATCHER',
  'StickinessOptions.durationSeconds': 'STICKINESS_DURATION_SECONDS',
  'RouteOptions.port': 'TARGET_PORT',
  'RouteOptions.protocol': 'TARGET_PROTOCOL',
  'RouteOptions.protocolVersion': 'TARGET_PROTOCOL_VERSION',
  'RedirectOptions.status': 'REDIRECT_STATUS',
  'FixedResponseOptions.contentType': 'FIXED_RESPONSE_CONTENT_TYPE',
  'TcpListenerOptions.alpnPolicy': 'NLB_ALPN_POLICY',
  'EndpointHealthCheckOptions.path': 'HEALTH_CHECK_PATH',
  'EndpointHealthCheckOptions.intervalSeconds': 'GLOBAL_HEALTH_INTERVAL_SECONDS',
  'EndpointHealthCheckOptions.failureThreshold': 'GLOBAL_FAILURE_THRESHOLD',
  'GlobalFailoverBaseOptions.ttlSeconds': 'GLOBAL_RECORD_TTL_SECONDS',
  'AuthenticationOptions.scope': 'AUTHENTICATE_SCOPE',
  'AuthenticationOptions.sessionCookieName': 'AUTHENTICATE_SESSION_COOKIE_NAME',
  'AuthenticationOptions.sessionTimeoutSeconds': 'AUTHENTICATE_SESSION_TIMEOUT_SECONDS',
  'AuthenticationOptions.onUnauthenticatedRequest': 'AUTHENTICATE_ON_UNAUTHENTICATED_REQUEST',
  'JwtClaimOptions.format': 'JWT_CLAIM_FORMAT',
};

interface DocDefault {
  /** `Interface.property` */
  readonly option: string;
  /** The value part of the tag, before any ` - reason`. */
  readonly text: string;
}

/** Every `@default` of every interface property in src/core/options/*.ts. */
function docDefaults(): DocDefault[] {
  return readdirSync(OPTIONS_DIR).filter((f) => f.endsWith('.ts')).flatMap((file) => {
    const source = ts.createSourceFile(file, readFileSync(join(OPTIONS_DIR, file), 'utf8'), ts.ScriptTarget.Latest, true);
    return source.statements.filter(ts.isInterfaceDeclaration).flatMap((iface) =>
      iface.members.filter(ts.isPropertySignature).flatMap((prop) => ts.getJSDocTags(prop)
        .filter((tag) => tag.tagName.text === 'default')
        .map((tag) => ({
          option: `${iface.name.text}.${prop.name.getText(source)}`,
          text: (ts.getTextOfJSDocComment(tag.comment) ?? '').split(/\s+-\s|\s+-$/)[0].trim(),
        }))));
  });
}

/** The value a doc default denotes: a number, a quoted string or an enum member; undefined for prose and booleans. */
function valueOf(text: string): unknown {
  if (/^-?\d[\d_]*(\.\d+)?$/.test(text)) return Number(text.replace(/_/g, ''));
  const quoted = /^'(.*)'$/.exec(text);
  if (quoted) return quoted[1];
  const member = /^(\w+)\.(\w+)$/.exec(text);
  if (member) {
    const e = (enums as Record<string, Record<string, unknown>>)[member[1]];
    if (e === undefined || !(member[2] in e)) throw new Error(`@default ${text} names no enum member`);
    return e[member[2]];
  }
  return undefined;
}

const upperSnake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toUpperCase();

function constantFor(option: string): string {
  return CONSTANT_OF[option] ?? upperSnake(option.split('.')[1]);
}

const checked = docDefaults().filter((d) => d.text !== '' && valueOf(d.text) !== undefined);

test('the options document numeric, string and enum defaults (the parse finds them)', () => {
  expect(checked.length).toBeGreaterThan(25);
  expect(checked.map((d) => d.option)).toEqual(expect.arrayContaining([
    'HealthCheckTimingOptions.intervalSeconds', 'RouteOptions.targetType', 'TcpListenerOptions.sessionAffinity', 'WebApiLoadBalancerBaseOptions.sslPolicy',
  ]));
});

test.each(checked.map((d) => [d.option, d.text, constantFor(d.option)]))('%s: @default %s is defaults.%s', (_option, text, constant) => {
  expect(Object.keys(defaults)).toContain(constant);
  expect(valueOf(text)).toEqual((defaults as Record<string, unknown>)[constant]);
});

test('every explicit mapping names a documented option', () => {
  const documented = new Set(checked.map((d) => d.option));
  expect(Object.keys(CONSTANT_OF).filter((o) => !documented.has(o))).toEqual([]);
});

test('the parse reads values, skips prose and refuses unknown enum members', () => {
  expect(valueOf('15')).toBe(15);
  expect(valueOf("'/health'")).toBe('/health');
  expect(valueOf('TargetType.IP')).toBe('ip');
  expect(valueOf('true')).toBeUndefined();
  expect(() => valueOf('TargetType.CONTAINER')).toThrow(/names no enum member/);
  expect(upperSnake('xForwardedForMode')).toBe('X_FORWARDED_FOR_MODE');
  expect(upperSnake('idleTimeoutSeconds')).toBe('IDLE_TIMEOUT_SECONDS');
});
