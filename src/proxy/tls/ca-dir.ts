import { homedir } from 'os';
import { posix, win32 } from 'path';

/** Overrides the default CA directory (CI machines, tests, a CA shared by several users of one account). */
export const CA_DIR_ENV = 'LBKIT_CA_DIR';

export interface UserDirContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
}

const CURRENT: () => UserDirContext = () => ({ env: process.env, platform: process.platform, home: homedir() });

/**
 * The user's own data directory for lbkit, outside every project: `$XDG_DATA_HOME/lbkit` or
 * `~/.local/share/lbkit` (Linux and other Unixes, per the XDG base-directory spec),
 * `~/Library/Application Support/lbkit` (macOS), `%LOCALAPPDATA%\lbkit` (Windows).
 * Hand-written rather than env-paths: five lines, the exact paths above, no runtime dependency.
 */
export function userDataDir(context: UserDirContext = CURRENT()): string {
  const { env, platform, home } = context;
  if (platform === 'win32') return win32.join(env.LOCALAPPDATA || win32.join(home, 'AppData', 'Local'), 'lbkit');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'lbkit');
  // The spec ignores a relative XDG_DATA_HOME.
  const xdg = env.XDG_DATA_HOME;
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.local', 'share'), 'lbkit');
}

/**
 * Where `lbkit serve` keeps its local CA (and the CA's private key) unless `--ca-dir` says
 * otherwise: `$LBKIT_CA_DIR`, else `ca` under {@link userDataDir} — never under the working
 * directory, where `git add -A` or a package would take the key.
 */
export function defaultCaDir(context: UserDirContext = CURRENT()): string {
  const override = context.env[CA_DIR_ENV];
  if (override) return override;
  return (context.platform === 'win32' ? win32 : posix).join(userDataDir(context), 'ca');
}
