import * as http from 'http';
import * as https from 'https';
import { tmpdir } from 'os';
import { join } from 'path';
import type * as GameCdk from '../../examples/game-server-nlb-cdk/app';
import type * as GameTf from '../../examples/game-server-nlb-cdktf/main';
import type * as GlobalCdk from '../../examples/global-failover-cdk/app';
import type * as GlobalTf from '../../examples/global-failover-cdktf/main';
import type * as WebCdk from '../../examples/web-api-cdk/app';
import type * as WebTf from '../../examples/web-api-cdktf/main';
import type * as WebTn from '../../examples/web-api-cdktn/main';
import type * as Cli from '../../src/cli';
import { CliIo, runCli, ServeSession } from '../../src/cli';
import { compiledOrSource } from '../support/compiled';
import { cachedSynth } from '../support/synth-cache';

// The examples are loaded only when their output is not kept yet (test/support/synth-cache): loading the
// engines costs a test file some seconds.
/* eslint-disable @typescript-eslint/no-require-imports */

/** The web-api example synthesized by both engines into a fresh temporary directory. */
export function synthWebApi(): { dir: string; cloudFormation: string; terraform: string } {
  const dir = cachedSynth('web-api', join(tmpdir(), 'lbkit-cli-'), (out) => {
    (require('../../examples/web-api-cdk/app') as typeof WebCdk).createApp(join(out, 'cdk')).synth();
    (require('../../examples/web-api-cdktf/main') as typeof WebTf).createApp(join(out, 'cdktf')).synth();
  });
  return {
    dir,
    cloudFormation: join(dir, 'cdk', 'WebApiStack.template.json'),
    terraform: join(dir, 'cdktf', 'stacks', 'web-api', 'cdk.tf.json'),
  };
}

/** The web-api example synthesized by CDK Terrain (cdktn) into a fresh temporary directory. */
export function synthWebApiCdktn(): { dir: string; terraform: string } {
  const dir = cachedSynth('web-api-cdktn', join(tmpdir(), 'lbkit-cli-cdktn-'), (out) => {
    (require('../../examples/web-api-cdktn/main') as typeof WebTn).createApp(join(out, 'cdktn')).synth();
  });
  return { dir, terraform: join(dir, 'cdktn', 'stacks', 'web-api', 'cdk.tf.json') };
}

/** The game-server (NLB) example synthesized by both engines into a fresh temporary directory. */
export function synthGameServer(): { dir: string; cloudFormation: string; terraform: string } {
  const dir = cachedSynth('game-server', join(tmpdir(), 'lbkit-cli-nlb-'), (out) => {
    (require('../../examples/game-server-nlb-cdk/app') as typeof GameCdk).createApp(join(out, 'cdk')).synth();
    (require('../../examples/game-server-nlb-cdktf/main') as typeof GameTf).createApp(join(out, 'cdktf')).synth();
  });
  return {
    dir,
    cloudFormation: join(dir, 'cdk', 'GameServerStack.template.json'),
    terraform: join(dir, 'cdktf', 'stacks', 'game-server', 'cdk.tf.json'),
  };
}

/**
 * The global-failover example synthesized by both engines into a fresh temporary directory, in the
 * layout `failoverFiles` (scripts/synth-examples.ts) reads: cdk/global-failover, cdktf/global-failover.
 */
export function synthGlobalFailover(): { dir: string } {
  const dir = cachedSynth('global-failover', join(tmpdir(), 'lbkit-cli-gf-'), (out) => {
    (require('../../examples/global-failover-cdk/app') as typeof GlobalCdk).createApp(join(out, 'cdk', 'global-failover')).synth();
    (require('../../examples/global-failover-cdktf/main') as typeof GlobalTf).createApp(join(out, 'cdktf', 'global-failover')).synth();
  });
  return { dir };
}
/* eslint-enable @typescript-eslint/no-require-imports */

export type BufferIo = CliIo & { stdout: string; stderr: string };

/** A CliIo that keeps what was written. */
export function bufferIo(): BufferIo {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) { io.stdout += text; },
    err(text: string) { io.stderr += text; },
  };
  return io;
}

/** Sessions started by {@link serve} and {@link serveFails}, until {@link closeServed}. */
const served: ServeSession[] = [];

/** Runs `lbkit serve ...` in-process at log level error; resolves once it serves, throws with its stderr when it exits. */
export async function serve(...args: string[]): Promise<{ session: ServeSession; io: BufferIo }> {
  return serveWith(runCli, args);
}

/**
 * {@link serve} with the CLI from lib/ when it is built from the current sources, for `--workers`:
 * its workers are then plain node processes rather than ts-node ones (some 2 s of CPU each to start).
 */
export async function serveBuilt(...args: string[]): Promise<{ session: ServeSession; io: BufferIo }> {
  return serveWith(compiledOrSource<typeof Cli>('cli').runCli, args);
}

async function serveWith(cli: typeof runCli, args: string[]): Promise<{ session: ServeSession; io: BufferIo }> {
  const io = bufferIo();
  let started: ServeSession | undefined;
  const code = await cli(['serve', ...args, '--log-level', 'error'], io, { onServing: async (s) => { started = s; } });
  if (code !== 0 || !started) throw new Error(`lbkit serve exited ${code}: ${io.stderr}`);
  served.push(started);
  return { session: started, io };
}

/** Runs `lbkit serve ...` in-process, expected to fail: its exit code and stderr (a session it starts anyway is kept for closeServed). */
export async function serveFails(...args: string[]): Promise<{ code: number; stderr: string }> {
  const io = bufferIo();
  const code = await runCli(['serve', ...args, '--log-level', 'error'], io, { onServing: async (s) => { served.push(s); } });
  return { code, stderr: io.stderr };
}

/** Closes every session started here, in order (for afterEach; a session a test closed itself closes again at no cost). */
export async function closeServed(): Promise<void> {
  for (const s of served.splice(0, served.length)) await s.close();
}

/** GET over HTTP or HTTPS (by the URL's scheme) without connection reuse: status, body and headers. */
export function get(url: string, options: https.RequestOptions = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = (url.startsWith('https:') ? https : http).get(url, { agent: false, ...options }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
  });
}

/** The local port a served session listens on for the model's listener `port`. */
export function localPort(s: ServeSession, port: number): number {
  return s.handle!.listeners.find((l) => l.port === port)!.localPort;
}
