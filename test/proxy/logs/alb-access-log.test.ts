import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PassThrough } from 'stream';
import { ACCESS_LOG_FIELDS, AccessLogRecord, accessLogWriter, formatAccessLogLine } from '../../../src/proxy/logs';

// The HTTPS example of AWS's "access log entries" page (times at millisecond precision).
const HTTPS: AccessLogRecord = {
  type: 'https',
  time: new Date('2018-07-02T22:23:00.186Z'),
  elb: 'app/my-loadbalancer/50dc6c495c0c9188',
  clientIp: '192.168.131.39',
  clientPort: 2817,
  targetIp: '10.0.0.1',
  targetPort: 80,
  requestProcessingTime: 0.086,
  targetProcessingTime: 0.048,
  responseProcessingTime: 0.037,
  elbStatusCode: 200,
  targetStatusCode: 200,
  receivedBytes: 0,
  sentBytes: 57,
  method: 'GET',
  url: 'https://www.example.com:443/',
  httpVersion: 'HTTP/1.1',
  userAgent: 'curl/7.46.0',
  sslCipher: 'ECDHE-RSA-AES128-GCM-SHA256',
  sslProtocol: 'TLSv1.2',
  targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067',
  traceId: 'Root=1-58337281-1d84f3d73c47ec4e58577259',
  domainName: 'www.example.com',
  chosenCertArn: 'arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012',
  matchedRulePriority: 1,
  requestCreationTime: new Date('2018-07-02T22:22:48.364Z'),
  actionsExecuted: ['authenticate', 'forward'],
  targetPortList: ['10.0.0.1:80'],
  targetStatusCodeList: ['200'],
  connTraceId: 'TID_1234abcd5678ef90',
};

const GOLDEN_HTTPS = 'https 2018-07-02T22:23:00.186000Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 '
  + '0.086 0.048 0.037 200 200 0 57 "GET https://www.example.com:443/ HTTP/1.1" "curl/7.46.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 '
  + 'arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 '
  + '"Root=1-58337281-1d84f3d73c47ec4e58577259" "www.example.com" '
  + '"arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012" 1 2018-07-02T22:22:48.364000Z '
  + '"authenticate,forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1234abcd5678ef90 "-" "-" "-"';

/** Splits a line into fields: quoted strings (with escapes) or runs of non-spaces. */
function fields(line: string): string[] {
  return line.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
}

test('golden line: the HTTPS example of the AWS documentation', () => {
  expect(formatAccessLogLine(HTTPS)).toBe(GOLDEN_HTTPS);
  expect(fields(GOLDEN_HTTPS)).toHaveLength(ACCESS_LOG_FIELDS.length);
});

test('golden line: a fixed response on HTTP with no target, default action, no user agent', () => {
  const line = formatAccessLogLine({
    type: 'http',
    time: new Date('2026-01-02T03:04:05.678Z'),
    elb: 'app/Api/lbkit',
    clientIp: '::ffff:127.0.0.1',
    clientPort: 50123,
    elbStatusCode: 404,
    receivedBytes: 75,
    sentBytes: 120,
    method: 'GET',
    url: 'http://localhost:80/nowhere?x=1',
    httpVersion: 'HTTP/1.1',
    traceId: 'Root=1-00000000-000000000000000000000000',
    matchedRulePriority: 0,
    requestCreationTime: new Date('2026-01-02T03:04:05.677Z'),
    actionsExecuted: ['fixed-response'],
  });
  expect(line).toBe('http 2026-01-02T03:04:05.678000Z app/Api/lbkit 127.0.0.1:50123 - -1 -1 -1 404 - 75 120 '
    + '"GET http://localhost:80/nowhere?x=1 HTTP/1.1" "-" - - - "Root=1-00000000-000000000000000000000000" "-" "-" 0 '
    + '2026-01-02T03:04:05.677000Z "fixed-response" "-" "-" "-" "-" "-" "-" - "-" "-" "-"');
  expect(fields(line)).toHaveLength(ACCESS_LOG_FIELDS.length);
});

test('quotes and control characters inside a quoted field are escaped, keeping the field count', () => {
  const line = formatAccessLogLine({ ...HTTPS, userAgent: 'evil "agent" \\ with\nnewline', errorReason: 'TargetConnectionErrorCode' });
  expect(line).toContain('"evil \\"agent\\" \\\\ with\\x0anewline"');
  expect(line).toContain('"TargetConnectionErrorCode"');
  expect(line).not.toContain('\n');
  expect(fields(line)).toHaveLength(ACCESS_LOG_FIELDS.length);
});

test('a 502 after a target reset: processing times and target status absent', () => {
  const line = formatAccessLogLine({
    ...HTTPS,
    requestProcessingTime: 0.001,
    targetProcessingTime: undefined,
    responseProcessingTime: undefined,
    elbStatusCode: 502,
    targetStatusCode: undefined,
    errorReason: 'TargetResponseError',
    targetStatusCodeList: undefined,
  });
  expect(fields(line).slice(5, 10)).toEqual(['0.001', '-1', '-1', '502', '-']);
  expect(fields(line)[24]).toBe('"TargetResponseError"');
});

test('the writer appends lines to a file, or writes to a stream', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-logs-'));
  try {
    const file = join(dir, 'access.log');
    const writer = accessLogWriter(file);
    writer.write(HTTPS);
    writer.write(HTTPS);
    await writer.close();
    expect(readFileSync(file, 'utf8')).toBe(`${GOLDEN_HTTPS}\n${GOLDEN_HTTPS}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c) => chunks.push(String(c)));
  const toStream = accessLogWriter(stream);
  toStream.write(HTTPS);
  await toStream.close();
  expect(chunks.join('')).toBe(`${GOLDEN_HTTPS}\n`);
});
