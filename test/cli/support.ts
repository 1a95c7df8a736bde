import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createApp as createCdkApp } from '../../examples/web-api-cdk/app';
import { createApp as createTfApp } from '../../examples/web-api-cdktf/main';
import { CliIo } from '../../src/cli';

/** The web-api example synthesized by both engines into a fresh temporary directory. */
export function synthWebApi(): { dir: string; cloudFormation: string; terraform: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-cli-'));
  createCdkApp(join(dir, 'cdk')).synth();
  createTfApp(join(dir, 'cdktf')).synth();
  return {
    dir,
    cloudFormation: join(dir, 'cdk', 'WebApiStack.template.json'),
    terraform: join(dir, 'cdktf', 'stacks', 'web-api', 'cdk.tf.json'),
  };
}

/** A CliIo that keeps what was written. */
export function bufferIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) { io.stdout += text; },
    err(text: string) { io.stderr += text; },
  };
  return io;
}
