import { Logger } from 'pino';
import { createLogger, humanLine } from '../../src/proxy/log-format';

// The readable lines of lbkit serve's log (and of its cluster workers), from pino's records.

function logged(format: 'human' | 'json', log: (logger: Logger) => void, base?: Record<string, unknown>): string[] {
  const lines: string[] = [];
  log(createLogger({ level: 'debug', format, write: (line) => lines.push(line), base }));
  return lines;
}

test('an event is its message; fields the message does not say follow in parentheses, as words', () => {
  expect(logged('human', (l) => {
    l.info({ targetGroup: 'web', target: '127.0.0.1:3001', from: 'healthy', to: 'unhealthy', reason: 'Target.Timeout' }, 'target 127.0.0.1:3001 in web: healthy → unhealthy');
    l.info({ targetGroup: 'web', target: '127.0.0.1:3001' }, 'target 127.0.0.1:3001 in web: registered');
  })).toEqual([
    'target 127.0.0.1:3001 in web: healthy → unhealthy (reason: Target.Timeout)\n',
    'target 127.0.0.1:3001 in web: registered\n',
  ]);
});

test('levels: warning, error and debug are named; an error shows its message; a worker its pid', () => {
  expect(logged('human', (l) => {
    l.warn({ ruleGroups: ['A', 'B'], targetGroup: 'api' }, 'not emulated');
    l.error({ err: new Error('boom') }, 'cluster worker could not be replaced');
    l.debug({ port: 443, localPort: 8443 }, 'listener HTTPS 443 on local port 8443');
  }, { worker: 4242 })).toEqual([
    'warning: worker 4242: not emulated (rule groups: A, B; target group: api)\n',
    'error: worker 4242: cluster worker could not be replaced (error: boom)\n',
    'debug: worker 4242: listener HTTPS 443 on local port 8443\n',
  ]);
});

test('json: pino\'s own line, every field kept', () => {
  const [line] = logged('json', (l) => l.warn({ ruleGroups: ['A'] }, 'not emulated'));
  expect(JSON.parse(line)).toEqual({ level: 40, time: expect.any(Number), ruleGroups: ['A'], msg: 'not emulated' });
});

test('an unknown level still gets a line', () => {
  expect(humanLine({ level: 35, msg: 'x' })).toBe('level 35: x\n');
});
