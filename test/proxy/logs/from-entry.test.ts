import { PassThrough } from 'stream';
import { AccessLogEntry } from '../../../src/proxy/http/access-log-entry';
import { accessLogRecord, accessLogWriter, formatAccessLogLine } from '../../../src/proxy/logs';

const ENTRY: AccessLogEntry = {
  type: 'https',
  time: '2026-11-24T08:00:00.250Z',
  clientIp: '127.0.0.1',
  clientPort: 51000,
  target: '127.0.0.1:3001',
  requestProcessingTime: 0.001,
  targetProcessingTime: 0.2,
  responseProcessingTime: 0,
  elbStatusCode: 200,
  targetStatusCode: 200,
  receivedBytes: 90,
  sentBytes: 321,
  method: 'GET',
  url: 'https://api.example.com:443/v2/users',
  httpVersion: 'HTTP/1.1',
  userAgent: 'curl/8.5.0',
  sslCipher: 'TLS_AES_256_GCM_SHA384',
  sslProtocol: 'TLSv1.3',
  targetGroup: 'api-v2',
  traceId: 'Root=1-6742db00-0123456789abcdef01234567',
  domainName: 'api.example.com',
  matchedRulePriority: 10,
  actionsExecuted: ['forward'],
  listenerPort: 443,
};

test('golden line from a data-plane entry (forward over HTTPS)', () => {
  expect(formatAccessLogLine(accessLogRecord(ENTRY, { name: 'Api' }))).toBe(
    'https 2026-11-24T08:00:00.250000Z app/Api/lbkit-local 127.0.0.1:51000 127.0.0.1:3001 0.001 0.200 0.000 200 200 90 321 '
    + '"GET https://api.example.com:443/v2/users HTTP/1.1" "curl/8.5.0" TLS_AES_256_GCM_SHA384 TLSv1.3 '
    + 'arn:aws:elasticloadbalancing:local:000000000000:targetgroup/api-v2/lbkit-local "Root=1-6742db00-0123456789abcdef01234567" '
    + '"api.example.com" "-" 10 2026-11-24T08:00:00.049000Z "forward" "-" "-" "127.0.0.1:3001" "200" "-" "-" - "-" "-" "-"');
});

test('default action → priority 0; no rule evaluated → - (AWS: "for any other error"); no target → -; processing time -1 stays -1', () => {
  const redirect = accessLogRecord({
    ...ENTRY,
    type: 'http',
    target: undefined,
    targetStatusCode: undefined,
    targetGroup: undefined,
    matchedRulePriority: 'default',
    targetProcessingTime: -1,
    responseProcessingTime: -1,
    elbStatusCode: 301,
    actionsExecuted: ['redirect'],
    redirectUrl: 'https://api.example.com:443/',
  }, { name: 'Api' });
  const line = formatAccessLogLine(redirect);
  expect(line).toContain(' 127.0.0.1:51000 - 0.001 -1 -1 301 - ');
  expect(line).toContain(' 0 2026-11-24T08:00:00.249000Z "redirect" "https://api.example.com:443/" "-" "-" "-" ');
  const refused = accessLogRecord({ ...ENTRY, matchedRulePriority: undefined, errorReason: 'TargetConnectionError' }, { name: 'Api' });
  expect(refused.matchedRulePriority).toBeUndefined();
  // error_reason: AWS's codes are for authenticate actions and Lambda targets only.
  expect(refused.errorReason).toBeUndefined();
  expect(formatAccessLogLine(refused)).toContain(' "api.example.com" "-" - 2026-11-24T08:00:00.049000Z "forward" "-" "-" ');
  expect(formatAccessLogLine({ ...refused, userAgent: 'u'.repeat(9000) })).toContain(` "${'u'.repeat(8192)}" `);
  expect(accessLogRecord({ ...ENTRY, traceId: '1-6742db00-0123456789abcdef01234567' }, { name: 'Api' }).traceId).toBe('Root=1-6742db00-0123456789abcdef01234567');
  expect(accessLogRecord({ ...ENTRY, target: '[::1]:8080' }, { name: 'Api' })).toMatchObject({ targetIp: '::1', targetPort: 8080 });
});

test('forProxy writes the formatted entry', () => {
  const stream = new PassThrough();
  const writer = accessLogWriter(stream);
  writer.forProxy({ name: 'Api' })(ENTRY);
  expect(String(stream.read())).toMatch(/^https 2026-11-24T08:00:00.250000Z app\/Api\/lbkit-local .* "-" "-" "-"\n$/);
});
