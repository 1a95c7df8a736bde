import { spawn } from 'child_process';
import { join } from 'path';
import { childEnv, lbkitArgs } from '../support/compiled';
import { startNow } from '../support/start-now';

// The real executable: bin/lbkit when lib/ is built from the current sources (as in the build),
// else node with ts-node on src/cli/main.ts. Both runs start at once; each test awaits its own.
const ROOT = join(__dirname, '..', '..');

function lbkit(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...lbkitArgs(), ...args], { cwd: ROOT, env: childEnv(), timeout: 30000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const runs = {
  help: startNow(() => lbkit('--help')),
  missingFile: startNow(() => lbkit('serve', 'no/such/Stack.template.json')),
};

test('lbkit --help lists the commands with examples; exit 0', async () => {
  const r = await runs.help;
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Usage: lbkit \[options\] \[command\]/);
  expect(r.stdout).toContain('serve [options] <file>');
  expect(r.stdout).toContain('diff <a> <b>');
  expect(r.stdout).toContain('Examples:');
});

test('lbkit serve with a missing file: one line on stderr, exit 2', async () => {
  const r = await runs.missingFile;
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe('lbkit: no/such/Stack.template.json: cannot read (no such file)\n');
});
