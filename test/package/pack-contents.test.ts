import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { copyOfWorkingTree, entryPointNames, packageJson, packedFiles, requireBuild, ROOT } from './packed';

// The tarball holds the library and nothing a run leaves behind: the demo, the tests and `lbkit serve` write
// private keys (.lbkit/), synthesized output (cdk.out, cdktf.out, .demo-out), Terraform state and test reports
// into the working tree. The package is packed from a copy of the working tree with one of each planted.

// Run-time leftovers, at the root and inside the folders that ship (lib/, src/).
const DECOYS = [
  '.lbkit/ca/ca-key.pem',
  '.lbkit/ca/ca.pem',
  '.lbkit/certs/api.example.com.key',
  'cdk.out/manifest.json',
  'cdk.out/asset.0123abcd/index.js',
  'cdktf.out/stacks/web/cdk.tf.json',
  'terraform.tfstate',
  'terraform.tfstate.backup',
  '.terraform/providers/registry.terraform.io/hashicorp/aws/provider.json',
  '.terraform.lock.hcl',
  'some.pem',
  'some.key',
  'test-reports/junit.xml',
  'coverage/lcov.info',
  '.demo-out/cdk/web-api/template.json',
  'dist/js/lbkit-0.0.0.tgz',
  'lib/.lbkit/ca/ca-key.pem',
  'lib/leftover.key',
  'lib/cdk.out/asset.0123abcd/index.js',
  'lib/terraform.tfstate',
  'src/proxy/tls/fixture.pem',
  'src/.lbkit/ca/notes.ts',
  'src/cdktf.out/stacks/web/main.ts',
];

// Nothing whose path looks like key material or run-time output may ship, bundled dependencies included.
const FORBIDDEN = [
  /(^|\/)\.lbkit\//, /(^|\/)cdk\.out\//, /(^|\/)cdktf\.out\//, /(^|\/)\.demo-out\//, /\.tfstate/, /(^|\/)\.terraform/,
  /\.pem$/, /\.key$/, /(^|\/)test-reports\//, /(^|\/)coverage\//, /\.tgz$/,
];

// Our own files: everything outside node_modules/ must be one of these.
const ALLOWED = [
  /^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^API\.md$/, /^\.jsii$/, /^bin\/lbkit$/,
  /^lib\/.+\.(js|d\.ts)$/, /^src\/.+(?<!\.test)\.ts$/, /^docs\/.+\.md$/,
];

/** The bundled dependencies and everything they depend on: the only packages that may ship under node_modules/. */
function bundledClosure(): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
  };
  packageJson().bundledDependencies.forEach(visit);
  return seen;
}

function packageOf(path: string): string {
  const parts = path.split('/');
  return parts[1].startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1];
}

let files: string[];
let statusBefore: string;

beforeAll(() => {
  requireBuild();
  statusBefore = gitStatus();
  const copy = copyOfWorkingTree();
  try {
    for (const decoy of DECOYS) {
      mkdirSync(dirname(join(copy, decoy)), { recursive: true });
      writeFileSync(join(copy, decoy), decoy.endsWith('.pem') || decoy.endsWith('.key')
        ? '-----BEGIN PRIVATE KEY-----\ndecoy\n-----END PRIVATE KEY-----\n' : '{}\n');
    }
    files = packedFiles(copy);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

function gitStatus(): string {
  return execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, encoding: 'utf8' });
}

test('no key material and no run-time output ships, even when the working tree holds them', () => {
  const leaked = files.filter((f) => FORBIDDEN.some((re) => re.test(f)));
  expect(leaked).toEqual([]);
});

test('outside node_modules, every packed file is on the allow-list', () => {
  const ours = files.filter((f) => !f.startsWith('node_modules/'));
  expect(ours.filter((f) => !ALLOWED.some((re) => re.test(f)))).toEqual([]);
});

test('under node_modules, only the bundled dependencies and their dependencies ship', () => {
  const closure = bundledClosure();
  const packages = [...new Set(files.filter((f) => f.startsWith('node_modules/')).map(packageOf))];
  expect(packages.filter((p) => !closure.has(p))).toEqual([]);
  for (const dep of packageJson().bundledDependencies) expect(packages).toContain(dep);
});

test('the library, its declarations, the jsii assembly, the CLI and the docs ship', () => {
  const expected = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'API.md', '.jsii', 'bin/lbkit',
    'lib/index.js', 'lib/index.d.ts', 'src/index.ts', 'lib/cli/main.js'];
  for (const name of entryPointNames()) {
    const target = packageJson().exports[`./${name}`] as { types: string; default: string };
    expected.push(target.types.slice(2), target.default.slice(2));
  }
  expect(expected.filter((f) => !files.includes(f))).toEqual([]);
});

test('packing leaves the working tree as it was', () => {
  expect(gitStatus()).toEqual(statusBefore);
});
