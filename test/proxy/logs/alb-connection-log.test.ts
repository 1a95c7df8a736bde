import { CONNECTION_LOG_FIELDS, connectionLogRecord, formatConnectionLogLine } from '../../../src/proxy/logs';

/** The connection-log line against AWS's documented example and its `-` rules ("Connection log entries", ALB guide). */
describe('formatConnectionLogLine', () => {
  test('AWS\'s example of a successful mutual-TLS connection, field for field, then the three later fields', () => {
    const line = formatConnectionLogLine({
      time: new Date('2023-10-04T17:05:15.514Z'),
      clientIp: '203.0.113.1',
      clientPort: 36280,
      listenerPort: 443,
      tlsProtocol: 'TLSv1.2',
      tlsCipher: 'ECDHE-RSA-AES128-GCM-SHA256',
      tlsHandshakeLatency: 4.036,
      leafClientCertSubject: 'CN=amazondomains.com,O=endEntity,L=Seattle,ST=Washington,C=US',
      leafClientCertValidity: 'NotBefore=2023-09-21T22:43:21Z;NotAfter=2026-06-17T22:43:21Z',
      leafClientCertSerialNumber: 'FEF257372D5C14D4',
      tlsVerifyStatus: 'Success',
      connTraceId: 'TID_3180a73013c8ca4bac2f731159d4b0fe',
      elb: 'app/Api/lbkit-local',
      ipAddress: '10.0.0.5',
    });
    // AWS's example has microseconds; a Date carries milliseconds (…514108Z is written …514000Z).
    expect(line).toBe('2023-10-04T17:05:15.514000Z 203.0.113.1 36280 443 TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 4.036 '
      + '"CN=amazondomains.com,O=endEntity,L=Seattle,ST=Washington,C=US" NotBefore=2023-09-21T22:43:21Z;NotAfter=2026-06-17T22:43:21Z '
      + 'FEF257372D5C14D4 Success TID_3180a73013c8ca4bac2f731159d4b0fe - app/Api/lbkit-local 10.0.0.5');
    expect(line.match(/"[^"]*"|\S+/g)).toHaveLength(CONNECTION_LOG_FIELDS.length);
  });

  test('a proxy entry: TLS fields `-` for plain HTTP, a failed handshake without latency, IPv6 and mapped IPv4 bare', () => {
    const lb = { name: 'Api' };
    const http = formatConnectionLogLine(connectionLogRecord({
      time: '2026-12-03T10:00:00.000Z', clientIp: '::1', clientPort: 5000, listenerPort: 80, connTraceId: 'TID_ab', nodeIp: '::1',
    }, lb));
    expect(http).toBe('2026-12-03T10:00:00.000000Z ::1 5000 80 - - - - - - - TID_ab - app/Api/lbkit-local ::1');
    const failed = formatConnectionLogLine(connectionLogRecord({
      time: '2026-12-03T10:00:00.250Z',
      clientIp: '127.0.0.1',
      clientPort: 5001,
      listenerPort: 443,
      tlsVerifyStatus: 'Failed:UnmappedConnectionError',
      connTraceId: 'TID_cd',
    }, lb));
    expect(failed).toBe('2026-12-03T10:00:00.250000Z 127.0.0.1 5001 443 - - - - - - Failed:UnmappedConnectionError TID_cd - app/Api/lbkit-local -');
  });
});
