import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { TerraformStack } from 'cdktf';
import { createApp as createGameCdkApp } from '../../examples/game-server-nlb-cdk/app';
import { createApp as createGameTfApp } from '../../examples/game-server-nlb-cdktf/main';
import { createApp as createCdkApp } from '../../examples/web-api-cdk/app';
import { createApp as createTfApp } from '../../examples/web-api-cdktf/main';

/** The web-api example's stack, built fresh, on one engine. */
export interface WebApiEngine {
  readonly engine: 'cloudformation' | 'terraform';
  webApiStack(): Stack | TerraformStack;
  gameServerStack(): Stack | TerraformStack;
  /** The synthesized JSON of the web-api example, as the engine's CLI writes it. */
  webApiJson(): Record<string, any>;
}

const dirs: string[] = [];

/** A temporary directory removed by {@link removeTempDirs}. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-testing-'));
  dirs.push(dir);
  return dir;
}

/** Removes the directories the helpers made (call in afterAll). */
export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

function tfStack(app: { node: { findChild(id: string): unknown } }, id: string): TerraformStack {
  return app.node.findChild(id) as TerraformStack;
}

function tfJson(createApp: (outdir?: string) => { synth(): void }, stack: string): Record<string, any> {
  const dir = join(tempDir(), 'out');
  createApp(dir).synth();
  return JSON.parse(readFileSync(join(dir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}

export const CLOUDFORMATION: WebApiEngine = {
  engine: 'cloudformation',
  webApiStack: () => createCdkApp().node.findChild('WebApiStack') as Stack,
  gameServerStack: () => createGameCdkApp().node.findChild('GameServerStack') as Stack,
  webApiJson: () => Template.fromStack(createCdkApp().node.findChild('WebApiStack') as Stack).toJSON(),
};

export const TERRAFORM: WebApiEngine = {
  engine: 'terraform',
  webApiStack: () => tfStack(createTfApp(join(tempDir(), 'out')), 'web-api'),
  gameServerStack: () => tfStack(createGameTfApp(join(tempDir(), 'out')), 'game-server'),
  webApiJson: () => tfJson(createTfApp, 'web-api'),
};

export const ENGINES = [CLOUDFORMATION, TERRAFORM];

/** Writes JSON to a fresh temporary file; returns its path and a cleanup. */
export function tempJsonFile(json: unknown, name = 'output.json'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, JSON.stringify(json, undefined, 2));
  return path;
}
