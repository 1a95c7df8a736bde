import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { tempDir } from './support';
import { findHaproxy } from '../../src/haproxy';
import { serverHealth } from '../../src/haproxy/server-health';
import { parseShowStat } from '../../src/haproxy/show-stat';

const SHOW_STAT = [
  '# pxname,svname,req_tot,status,check_status,check_code,',
  'tg_api,t0,,UP,L7OK,200,',
  'tg_api,t1,,DOWN,L7STS,503,',
  'tg_api,t2,,DRAIN,L7OK,200,',
  'tg_api,t3,,MAINT,L7OK,200,',
  'tg_api,t4,,UP 1/2,L7STS,500,',
  'tg_api,t5,,DOWN,INI,,',
  'tg_api,t6,,DOWN,L7TOUT,,',
  'tg_api,t7,,DOWN,L4TOUT,,',
  'tg_api,t8,,DOWN,L4CON,,',
  'tg_api,BACKEND,12,UP,,,',
  '',
].join('\n');

test('show stat rows map to AWS target health states', () => {
  const rows = parseShowStat(SHOW_STAT);
  expect(rows.filter((r) => r.svname !== 'BACKEND').map((r) => serverHealth(r))).toEqual([
    { state: 'healthy' },
    { state: 'unhealthy', reason: 'Target.ResponseCodeMismatch (haproxy: L7STS 503)' },
    { state: 'draining', reason: 'Target.DeregistrationInProgress' },
    { state: 'unused', reason: 'Target.NotRegistered' },
    { state: 'healthy' },
    { state: 'initial', reason: 'Elb.RegistrationInProgress' },
    { state: 'unhealthy', reason: 'Target.Timeout (haproxy: L7TOUT)' },
    { state: 'unhealthy', reason: 'Target.Timeout (haproxy: L4TOUT)' },
    { state: 'unhealthy', reason: 'Target.FailedHealthChecks (haproxy: L4CON)' },
  ]);
  expect(rows.find((r) => r.svname === 'BACKEND')!.fields.req_tot).toBe('12');
});

test('show stat without its CSV header is an error, not an empty list', () => {
  expect(() => parseShowStat('Unknown command\n')).toThrow(/no CSV header/);
});

test('findHaproxy: PATH first, then the sbin directories; none → undefined (serve says apt-get install haproxy)', () => {
  const dir = tempDir('lbkit-find-haproxy-');
  try {
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'haproxy'), '');
    expect(findHaproxy(join(dir, 'bin'), [])).toBe(join(dir, 'bin', 'haproxy'));
    expect(findHaproxy('', [join(dir, 'bin')])).toBe(join(dir, 'bin', 'haproxy'));
    expect(findHaproxy(join(dir, 'nothing'), [])).toBeUndefined();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
