import { mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { closeServed, serve } from './support';
import { createApp as createCdkApp } from '../../examples/web-api-cdk/app';
import { createApp as createTfApp } from '../../examples/web-api-cdktf/main';
import { CA_DIR_ENV, defaultCaDir, userDataDir } from '../../src/proxy/tls';

// The local CA's private key never lands in the user's project: by default lbkit serve keeps
// the CA in the user's data directory (here a temporary XDG_DATA_HOME, never the real home).

afterEach(() => closeServed());

describe('the default CA directory', () => {
  const linux = (env: Record<string, string>) => ({ env, platform: 'linux' as const, home: '/home/ada' });
  test.each([
    ['Linux, XDG_DATA_HOME', linux({ XDG_DATA_HOME: '/data/ada' }), '/data/ada/lbkit/ca'],
    ['Linux, no XDG_DATA_HOME', linux({}), '/home/ada/.local/share/lbkit/ca'],
    ['Linux, a relative XDG_DATA_HOME (ignored, as the spec says)', linux({ XDG_DATA_HOME: 'data' }), '/home/ada/.local/share/lbkit/ca'],
    ['macOS', { env: { XDG_DATA_HOME: '/x' }, platform: 'darwin' as const, home: '/Users/ada' }, '/Users/ada/Library/Application Support/lbkit/ca'],
    ['Windows', { env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, platform: 'win32' as const, home: 'C:\\Users\\ada' }, 'C:\\Users\\ada\\AppData\\Local\\lbkit\\ca'],
    ['Windows without LOCALAPPDATA', { env: {}, platform: 'win32' as const, home: 'C:\\Users\\ada' }, 'C:\\Users\\ada\\AppData\\Local\\lbkit\\ca'],
    [`${CA_DIR_ENV} first`, linux({ [CA_DIR_ENV]: '/srv/ca', XDG_DATA_HOME: '/data/ada' }), '/srv/ca'],
  ])('%s', (_name, context, dir) => {
    expect(defaultCaDir(context)).toBe(dir);
  });

  test('userDataDir is lbkit\'s own directory', () => {
    expect(userDataDir({ env: {}, platform: 'freebsd', home: '/home/ada' })).toBe('/home/ada/.local/share/lbkit');
  });
});

/** The permission bits of a file, in octal (`600`). */
const permissions = (path: string) => statSync(path).mode.toString(8).slice(-3);

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

describe.each([
  ['CloudFormation', (dir: string) => { createCdkApp(join(dir, 'cdk.out')).synth(); return join(dir, 'cdk.out', 'WebApiStack.template.json'); }],
  ['Terraform', (dir: string) => { createTfApp(join(dir, 'cdktf.out')).synth(); return join(dir, 'cdktf.out', 'stacks', 'web-api', 'cdk.tf.json'); }],
])('lbkit serve in a fresh project, %s output', (_engine, synth) => {
  test('writes no key into the project: the CA is in the user\'s data directory (0700, key 0600), printed with its real path', async () => {
    const project = mkdtempSync(join(tmpdir(), 'lbkit-project-'));
    const data = mkdtempSync(join(tmpdir(), 'lbkit-user-data-'));
    const saved = { cwd: process.cwd(), caDir: process.env[CA_DIR_ENV], xdg: process.env.XDG_DATA_HOME };
    try {
      const file = relative(project, synth(project));
      const before = filesUnder(project);
      process.chdir(project);
      delete process.env[CA_DIR_ENV];
      process.env.XDG_DATA_HOME = data;
      const { session, io } = await serve(file, '--target', 'web=127.0.0.1:1', '--port', '443=0', '--port', '80=0');
      const caDir = join(data, 'lbkit', 'ca');
      const https = session.handle!.listeners.find((l) => l.port === 443)!.localPort;
      expect(io.stdout).toContain(`CA: ${join(caDir, 'ca.pem')}  (curl --cacert ${join(caDir, 'ca.pem')} --resolve api.example.com:${https}:127.0.0.1 `);
      expect(session.tls!.ca.dir).toBe(caDir);
      expect(permissions(caDir)).toBe('700');
      expect(permissions(join(caDir, 'ca-key.pem'))).toBe('600');
      await session.close();
      // `git add -A` here would take nothing lbkit serve wrote.
      expect(filesUnder(project)).toEqual(before);
      expect(before.some((f) => f.startsWith('.lbkit') || f.endsWith('.pem'))).toBe(false);
    } finally {
      process.chdir(saved.cwd);
      restoreEnv(CA_DIR_ENV, saved.caDir);
      restoreEnv('XDG_DATA_HOME', saved.xdg);
      rmSync(project, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    }
  });
});
