import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CliError, defaultLocalPort, listenerPorts, parseEndpoint, parsePortFlag, parseTargetFlag, targetMapping } from '../../src/cli';

test('endpoints: host:port, [v6]:port, a bare port; anything else is a CliError naming the flag', () => {
  expect(parseEndpoint('127.0.0.1:3001', 'x')).toEqual({ host: '127.0.0.1', port: 3001 });
  expect(parseEndpoint('localhost:80', 'x')).toEqual({ host: 'localhost', port: 80 });
  expect(parseEndpoint('[::1]:8080', 'x')).toEqual({ host: '::1', port: 8080 });
  expect(parseEndpoint('3001', 'x')).toEqual({ host: '127.0.0.1', port: 3001 });
  expect(() => parseEndpoint('127.0.0.1', '--target api')).toThrow("--target api: '127.0.0.1' is not host:port (e.g. 127.0.0.1:3001)");
  expect(() => parseEndpoint('h:70000', 'x')).toThrow(CliError);
});

test('--target route=host:port, repeatable, several per route, deduplicated, after the --targets file', () => {
  expect(parseTargetFlag('api=127.0.0.1:1,127.0.0.1:2')).toEqual({ route: 'api', endpoints: [{ host: '127.0.0.1', port: 1 }, { host: '127.0.0.1', port: 2 }] });
  expect(() => parseTargetFlag('api')).toThrow("--target: 'api' is not <route>=<host:port>");
  expect(() => parseTargetFlag('=1')).toThrow(CliError);
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-map-'));
  try {
    const file = join(dir, 'targets.json');
    writeFileSync(file, JSON.stringify({ api: ['127.0.0.1:3001', { host: '127.0.0.1', port: 3002 }], web: '127.0.0.1:3000' }));
    expect(targetMapping(['api=127.0.0.1:3003', 'api=127.0.0.1:3001', 'upload=127.0.0.1:3004'], file)).toEqual({
      api: [{ host: '127.0.0.1', port: 3001 }, { host: '127.0.0.1', port: 3002 }, { host: '127.0.0.1', port: 3003 }],
      web: [{ host: '127.0.0.1', port: 3000 }],
      upload: [{ host: '127.0.0.1', port: 3004 }],
    });
    writeFileSync(file, '[1]');
    expect(() => targetMapping([], file)).toThrow(/targets.json: expected an object of route/);
    writeFileSync(file, '{"api": [true]}');
    expect(() => targetMapping([], file)).toThrow(/targets.json: api: expected "host:port" or \{ "host", "port" \}, received true/);
    writeFileSync(file, '{');
    expect(() => targetMapping([], file)).toThrow(/targets.json: not JSON/);
    expect(() => targetMapping([], join(dir, 'none.json'))).toThrow(/none.json: cannot read \(no such file\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ports: 443 → 8443, 80 → 8080, others + 8000; --port overrides a listener of the model only', () => {
  expect([443, 80, 8443, 9000, 60000].map(defaultLocalPort)).toEqual([8443, 8080, 16443, 17000, 0]);
  expect(parsePortFlag('443=9443')).toEqual([443, 9443]);
  expect(() => parsePortFlag('443:9443')).toThrow("--port: '443:9443' is not <listener port>=<local port>");
  expect(listenerPorts([80, 443], ['443=0'])).toEqual({ 80: 8080, 443: 0 });
  expect(() => listenerPorts([80, 443], ['8443=1'])).toThrow('--port 8443=1: the load balancer has no listener on 8443 (listeners: 80, 443)');
});
