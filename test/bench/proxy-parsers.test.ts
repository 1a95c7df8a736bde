import { parseBenchArgs } from '../../bench/support/bench-args';
import { haproxyConfig, haproxyGlobal } from '../../bench/support/haproxy-config';
import { nginxBackendConfig, nginxProxyConfig } from '../../bench/support/nginx-config';
import { parseProcStat, ticksBetween } from '../../bench/support/proc-stat';
import { pinned } from '../../bench/support/processes';
import { median, ratio } from '../../bench/support/stats';
import { parseWrkOutput, parseWrkTime } from '../../bench/support/wrk-output';

const WRK = `Running 8s test @ http://127.0.0.1:19100/
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    45.20ms  104.46ms   1.13s    95.60%
    Req/Sec     1.29k   608.92     2.60k    64.10%
  Latency Distribution
     50%   22.08ms
     75%   32.44ms
     90%   52.15ms
     99%  655.28ms
  20228 requests in 8.09s, 23.11MB read
  Socket errors: connect 0, read 2, write 0, timeout 19
  Non-2xx or 3xx responses: 7
Requests/sec:   2501.71
Transfer/sec:      2.86MB
`;

describe('wrk output', () => {
  test('requests, duration, rate, percentiles in ms, errors', () => {
    expect(parseWrkOutput(WRK)).toEqual({
      requests: 20228,
      durationSeconds: 8.09,
      requestsPerSecond: 2501.71,
      latencyMs: { p50: 22.08, p75: 32.44, p90: 52.15, p99: 655.28 },
      socketErrors: 21,
      non2xx3xx: 7,
    });
  });

  test('a clean run has no error lines: zero errors', () => {
    const clean = WRK.replace(/ {2}Socket errors.*\n/, '').replace(/ {2}Non-2xx.*\n/, '');
    expect(parseWrkOutput(clean)).toMatchObject({ socketErrors: 0, non2xx3xx: 0 });
  });

  test('times in every unit wrk prints', () => {
    expect([parseWrkTime('812.00us'), parseWrkTime('1.25ms'), parseWrkTime('2.00s'), parseWrkTime('1.50m')]).toEqual([0.812, 1.25, 2000, 90000]);
    expect(() => parseWrkTime('fast')).toThrow("cannot read the time 'fast'");
  });

  test('without --latency, or without a summary: an error that says so', () => {
    expect(() => parseWrkOutput(WRK.replace(/ {2}Latency Distribution[\s\S]*?99%.*\n/, ''))).toThrow('run it with --latency');
    expect(() => parseWrkOutput('unable to connect to 127.0.0.1:1 Connection refused')).toThrow('no summary');
  });
});

describe('/proc/<pid>/stat', () => {
  test('utime and stime are fields 14 and 15, counted after the command name', () => {
    const line = '28937 (cat) R 28934 28934 3056 0 -1 4194304 99 0 0 0 41 7 0 0 20 0 1 0 310575 3133440 361';
    expect(parseProcStat(line)).toEqual({ pid: 28937, ppid: 28934, utime: 41, stime: 7 });
  });

  test('a command name with spaces and parentheses', () => {
    const line = '42 (nginx: worker (x) 1) S 41 41 41 0 -1 4194560 500 0 0 0 1200 300 0 0 20 0 1 0 100 1000 10';
    expect(parseProcStat(line)).toEqual({ pid: 42, ppid: 41, utime: 1200, stime: 300 });
  });

  test('not a stat line: an error', () => {
    expect(() => parseProcStat('garbage')).toThrow('not a /proc/<pid>/stat line');
  });

  test('ticks between samples: per process, a new process counted from zero, a gone one left out', () => {
    expect(ticksBetween(new Map([[1, 100], [2, 50], [3, 10]]), new Map([[1, 160], [2, 50], [4, 5]]))).toBe(65);
  });
});

describe('statistics', () => {
  test('median of odd and even counts; ratio undefined without both sides', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow('empty');
    expect(ratio(3, 2)).toBe(1.5);
    expect([ratio(undefined, 2), ratio(1, undefined), ratio(1, 0)]).toEqual([undefined, undefined, undefined]);
  });
});

describe('bench options', () => {
  test('defaults: 16, 64 and 256 connections, 3 runs of 10 s, both placements', () => {
    expect(parseBenchArgs([])).toMatchObject({ quick: false, connections: [16, 64, 256], runs: 3, durationSeconds: 10, warmupSeconds: 3, modes: ['unpinned', 'pinned'], only: [] });
    expect(parseBenchArgs([]).schemes).toEqual(['http', 'https']);
  });

  test('--scheme: http, https or both; the `--` projen passes on is skipped', () => {
    expect(parseBenchArgs(['--scheme', 'https']).schemes).toEqual(['https']);
    expect(parseBenchArgs(['--scheme', 'https,http']).schemes).toEqual(['https', 'http']);
    expect(parseBenchArgs(['--', '--quick', '--scheme', 'http'])).toMatchObject({ quick: true, schemes: ['http'] });
    expect(() => parseBenchArgs(['--scheme', 'h2'])).toThrow("--scheme: expected http, https or http,https, received 'h2'");
  });

  test('--quick: one connection count, one short run; explicit options win', () => {
    expect(parseBenchArgs(['--quick'])).toMatchObject({ connections: [64], runs: 1, durationSeconds: 3, warmupSeconds: 1 });
    expect(parseBenchArgs(['--quick', '--connections', '32,128', '--duration', '5'])).toMatchObject({ connections: [32, 128], durationSeconds: 5, runs: 1 });
    expect(parseBenchArgs(['--mode', 'pinned', '--only', 'lbkit-1, haproxy-1'])).toMatchObject({ modes: ['pinned'], only: ['lbkit-1', 'haproxy-1'] });
  });

  test('bad values: one-line errors naming the option and the value', () => {
    expect(() => parseBenchArgs(['--connections', '16,x'])).toThrow("--connections: expected a positive integer, received 'x'");
    expect(() => parseBenchArgs(['--duration', '0'])).toThrow("--duration: expected a positive number, received '0'");
    expect(() => parseBenchArgs(['--runs', '1.5'])).toThrow("--runs: expected a positive integer, received '1.5'");
    expect(() => parseBenchArgs(['--mode', 'sideways'])).toThrow("--mode: expected both, pinned or unpinned, received 'sideways'");
    expect(() => parseBenchArgs(['--nope'])).toThrow();
  });
});

describe('configurations: the same job for every proxy', () => {
  test('nginx proxy: round robin upstream with keep-alive, HTTP/1.1 and Connection cleared, forwarding headers, the worker count', () => {
    const conf = nginxProxyConfig({ dir: '/tmp/x', port: 8000, upstreams: [9001, 9002], workers: 'auto', keepalive: 512 });
    expect(conf).toContain('worker_processes auto;');
    expect(conf).toMatch(/upstream backends \{\s+server 127\.0\.0\.1:9001;\s+server 127\.0\.0\.1:9002;\s+keepalive 512;/);
    expect(conf).toContain('proxy_http_version 1.1;');
    expect(conf).toContain('proxy_set_header Connection "";');
    expect(conf).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(conf).toContain('listen 127.0.0.1:8000');
    expect(conf).toContain('access_log off;');
    expect(conf).not.toContain('ssl');
  });

  test('nginx proxy over HTTPS: the one certificate and key file, TLS 1.2 and up', () => {
    const conf = nginxProxyConfig({ dir: '/tmp/x', port: 8000, upstreams: [9001], workers: 1, keepalive: 512, pem: '/tmp/x/bench.pem' });
    expect(conf).toContain('listen 127.0.0.1:8000 backlog=4096 ssl http2;');
    expect(conf).toContain('ssl_certificate /tmp/x/bench.pem;');
    expect(conf).toContain('ssl_certificate_key /tmp/x/bench.pem;');
    expect(conf).toContain('ssl_protocols TLSv1.2 TLSv1.3;');
  });

  test('nginx backend: return 200 with a body of the given size, one worker, loopback', () => {
    const conf = nginxBackendConfig({ dir: '/tmp/x', port: 9001, bodyBytes: 1024 });
    const body = /return 200 "(x+)";/.exec(conf)?.[1];
    expect(body).toHaveLength(1024);
    expect(conf).toContain('worker_processes 1;');
    expect(conf).toContain('listen 127.0.0.1:9001');
  });

  test('HAProxy: threads, round robin, server connections reused, forwarding headers, health checks', () => {
    const conf = haproxyConfig({ port: 8000, upstreams: [9001, 9002], threads: 2, scheme: 'http' });
    expect(conf).toContain('nbthread 2');
    expect(conf).toContain('balance roundrobin');
    expect(conf).toContain('http-reuse always');
    expect(conf).toContain('option forwardfor');
    expect(conf).toContain('http-request set-header X-Forwarded-Proto http');
    expect(conf).toMatch(/server b1 127\.0\.0\.1:9001 check\n {2}server b2 127\.0\.0\.1:9002 check/);
    expect(conf).toMatch(/bind 127\.0\.0\.1:8000\n/);
  });

  test('HAProxy over HTTPS: TLS terminated with the one certificate, as the compiled listener binds', () => {
    const conf = haproxyConfig({ port: 8000, upstreams: [9001], threads: 1, scheme: 'https', pem: '/tmp/x/bench.pem' });
    expect(conf).toContain('bind 127.0.0.1:8000 ssl crt /tmp/x/bench.pem alpn h2,http/1.1 ssl-min-ver TLSv1.2');
    expect(conf).toContain('http-request set-header X-Forwarded-Proto https');
  });

  test('the global section lbkit-haproxy runs with is haproxy-1\'s', () => {
    expect(haproxyConfig({ port: 8000, upstreams: [9001], threads: 1, scheme: 'http' }).startsWith(haproxyGlobal(1))).toBe(true);
    expect(haproxyGlobal(1)).toMatch(/^global\n {2}nbthread 1\n/);
  });

  test('pinning runs the command under taskset; unpinned runs it as it is', () => {
    expect(pinned('0', 'nginx', ['-c', 'x'])).toEqual(['taskset', ['-c', '0', 'nginx', '-c', 'x']]);
    expect(pinned(undefined, 'nginx', ['-c', 'x'])).toEqual(['nginx', ['-c', 'x']]);
  });
});
