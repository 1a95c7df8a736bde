import { spawnSync } from 'child_process';
import { join } from 'path';

// The real executable: node with ts-node, as `lbkit` runs from lib/cli/main.js once compiled.
const ROOT = join(__dirname, '..', '..');

function lbkit(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/main.ts', ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 30000, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'test', 'tsconfig.json') },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('lbkit --help lists the commands with examples; exit 0', () => {
  const r = lbkit('--help');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Usage: lbkit \[options\] \[command\]/);
  expect(r.stdout).toContain('serve [options] <file>');
  expect(r.stdout).toContain('diff <a> <b>');
  expect(r.stdout).toContain('Examples:');
});

test('lbkit serve with a missing file: one line on stderr, exit 2', () => {
  const r = lbkit('serve', 'no/such/Stack.template.json');
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe('lbkit: no/such/Stack.template.json: cannot read (no such file)\n');
});
