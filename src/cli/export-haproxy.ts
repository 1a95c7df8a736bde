import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { chooseLoadBalancer } from './choose-load-balancer';
import { CliError } from './cli-error';
import { domainFlags } from './domain-flags';
import { listenerPorts, TargetMapping, targetMapping } from './mapping';
import { checkRoutes, numberFlag } from './serve-session';
import { AnyLoadBalancerModel, isApplicationModel } from '../core/model/any-load-balancer-model';
import { compileHaproxyModel, HaproxyConfig, writeHaproxyFiles } from '../haproxy';
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

/** A synthesized file compiled for HAProxy, with what it was compiled from. */
export interface CompiledHaproxyFile {
  /** An application or a network load balancer. */
  readonly model: AnyLoadBalancerModel;
  readonly targets: TargetMapping;
  /** Model listener port → local port. */
  readonly ports: Record<number, number>;
  readonly timeScale: number;
  readonly compiled: HaproxyConfig;
}

/**
 * Reads the load balancer (application or network) of a synthesized file and compiles it for HAProxy (export and
 * `serve --data-plane haproxy` share this). A feature the HAProxy plane does not compile throws HaproxyUnsupportedError.
 */
export function compileHaproxyFile(file: string, options: ExportHaproxyOptions): CompiledHaproxyFile {
  const timeScale = numberFlag(options.timeScale, '--time-scale', (n) => n > 0 && n <= 1000, 'a number above 0 and at most 1000') ?? 1;
  domainFlags(options.domain);
  const { models } = readSynthesizedFile(file);
  const { model } = chooseLoadBalancer(file, models, options.lb, false);
  // Without the DNS option a model is always chosen (or the choice throws).
  if (!model) throw new CliError(`${file}: no load balancer`);
  const targets = targetMapping(options.target ?? [], options.targets);
  checkRoutes(model, targets);
  const ports = listenerPorts([...new Set(model.listeners.map((l) => l.port))], options.port ?? []);
  for (const [listener, local] of Object.entries(ports)) {
    if (local === 0) throw new CliError(`--port ${listener}=0: haproxy needs a fixed local port (no port 0 in a config file)`);
  }
  if (options.accessLog !== undefined && !isApplicationModel(model)) {
    throw new CliError(`--access-log: the haproxy data plane writes the access log of application load balancers only ("${model.name}" is a network load balancer); use the node plane`);
  }
  const compileOptions = {
    targets,
    ports,
    timeScale,
    bindAddress: options.host,
    tls: { caDir: options.caDir ?? defaultCaDir(), domains: options.domain },
    accessLog: options.accessLog !== undefined,
  };
  const compiled = compileHaproxyModel(model, compileOptions);
  return { model, targets, ports, timeScale, compiled };
}

/**
 * Compiles the load balancer (application or network) of a synthesized file into haproxy.cfg and its files;
 * returns the config's path. A feature the HAProxy plane does not compile throws HaproxyUnsupportedError.
 */
export function exportHaproxy(file: string, options: ExportHaproxyOptions): string {
  const { compiled } = compileHaproxyFile(file, options);
  const out = options.out !== undefined ? resolve(options.out) : mkdtempSync(join(tmpdir(), 'lbkit-haproxy-'));
  return writeHaproxyFiles(out, compiled);
}
