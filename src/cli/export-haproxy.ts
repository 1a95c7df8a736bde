import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';
import { chooseLoadBalancer } from './choose-load-balancer';
import { CliError } from './cli-error';
import { domainFlags } from './domain-flags';
import { listenerPorts, TargetMapping, targetMapping } from './mapping';
import { checkRoutes, numberFlag } from './serve-session';
import { isApplicationModel } from '../core/model/any-load-balancer-model';
import { LoadBalancerModel } from '../core/model/load-balancer-model';
import { compileHaproxy, HaproxyConfig, HaproxyUnsupportedError } from '../haproxy';
import { defaultCaDir } from '../proxy/tls/ca-dir';
import { readSynthesizedFile } from '../readers';

/** `lbkit export haproxy` flags: the same mapping flags as serve. */
export interface ExportHaproxyOptions {
  readonly target?: readonly string[];
  readonly targets?: string;
  readonly port?: readonly string[];
  readonly timeScale?: string;
  readonly caDir?: string;
  readonly domain?: readonly string[];
  readonly lb?: string;
  /** Address the listeners bind (lbkit serve --host). @default '127.0.0.1' */
  readonly host?: string;
  /** Directory to write haproxy.cfg and its files to; a new temporary one without. */
  readonly out?: string;
  /** serve's `--access-log FILE`: given, the config logs ALB-format lines on haproxy's stdout, which serve appends to FILE. */
  readonly accessLog?: string;
}

/** The name of the config in the output directory. */
export const HAPROXY_CONFIG_FILE = 'haproxy.cfg';

/** A synthesized file compiled for HAProxy, with what it was compiled from. */
export interface CompiledHaproxyFile {
  readonly model: LoadBalancerModel;
  readonly targets: TargetMapping;
  /** Model listener port → local port. */
  readonly ports: Record<number, number>;
  readonly timeScale: number;
  readonly compiled: HaproxyConfig;
}

/**
 * Reads the application load balancer of a synthesized file and compiles it for HAProxy (export and
 * `serve --data-plane haproxy` share this). A feature the HAProxy plane does not compile throws HaproxyUnsupportedError.
 */
export function compileHaproxyFile(file: string, options: ExportHaproxyOptions): CompiledHaproxyFile {
  const timeScale = numberFlag(options.timeScale, '--time-scale', (n) => n > 0 && n <= 1000, 'a number above 0 and at most 1000') ?? 1;
  domainFlags(options.domain);
  const { models } = readSynthesizedFile(file);
  const { model } = chooseLoadBalancer(file, models, options.lb, false);
  if (!model || !isApplicationModel(model)) {
    throw new HaproxyUnsupportedError('networkLoadBalancer', `load balancer "${model?.name ?? ''}"`);
  }
  const targets = targetMapping(options.target ?? [], options.targets);
  checkRoutes(model, targets);
  const ports = listenerPorts([...new Set(model.listeners.map((l) => l.port))], options.port ?? []);
  for (const [listener, local] of Object.entries(ports)) {
    if (local === 0) throw new CliError(`--port ${listener}=0: haproxy needs a fixed local port (no port 0 in a config file)`);
  }
  const compiled = compileHaproxy(model, {
    targets,
    ports,
    timeScale,
    bindAddress: options.host,
    tls: { caDir: options.caDir ?? defaultCaDir(), domains: options.domain },
    accessLog: options.accessLog !== undefined,
  });
  return { model, targets, ports, timeScale, compiled };
}

/** Writes haproxy.cfg and its files into `out` (created if needed); returns the config's path. */
export function writeHaproxyFiles(out: string, compiled: HaproxyConfig): string {
  for (const [path, content] of Object.entries(compiled.files)) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    // Certificates hold private keys: owner-only.
    writeFileSync(target, content, { mode: path.startsWith('certs/') ? 0o600 : 0o644 });
  }
  const config = join(out, HAPROXY_CONFIG_FILE);
  mkdirSync(out, { recursive: true });
  writeFileSync(config, compiled.config);
  return config;
}

/**
 * Compiles the application load balancer of a synthesized file into haproxy.cfg and its files;
 * returns the config's path. A feature the HAProxy plane does not compile throws HaproxyUnsupportedError.
 */
export function exportHaproxy(file: string, options: ExportHaproxyOptions): string {
  const { compiled } = compileHaproxyFile(file, options);
  const out = options.out !== undefined ? resolve(options.out) : mkdtempSync(join(tmpdir(), 'lbkit-haproxy-'));
  return writeHaproxyFiles(out, compiled);
}
