import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const ENGINE_MODULES = /from\s+['"](aws-cdk-lib|cdktf|@cdktf\/[^'"]*|constructs|aws-cdk-lib\/[^'"]*)['"]|require\(['"](aws-cdk-lib|cdktf|@cdktf|constructs)/;

test('src/core imports neither aws-cdk-lib nor cdktf (nor constructs)', () => {
  const files = sources(join(__dirname, '..', '..', 'src', 'core'));
  expect(files.length).toBeGreaterThan(10);
  const offenders = files.filter((f) => ENGINE_MODULES.test(readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});

test('the check itself catches an engine import', () => {
  expect(ENGINE_MODULES.test("import { Stack } from 'aws-cdk-lib';")).toBe(true);
  expect(ENGINE_MODULES.test("import { Lb } from '@cdktf/provider-aws/lib/lb';")).toBe(true);
  expect(ENGINE_MODULES.test("import { App } from 'cdktf';")).toBe(true);
});
