import { awscdk, javascript } from 'projen';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'lbkit',
  description: 'Load balancers right by default: ALB, NLB and Route 53 failover constructs that synthesize to CloudFormation (aws-cdk-lib) or Terraform (cdktf), plus a local reference proxy.',
  author: 'lbkit developers',
  authorAddress: 'lbkit@users.noreply.github.com',
  repositoryUrl: 'https://github.com/lbkit/lbkit.git',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.0.0',
  cdkVersion: '2.257.0',
  constructsVersion: '10.5.1',
  jsiiVersion: '~5.9.0',
  github: false,
  release: false,
  sampleCode: false,
  docgen: true,
  keywords: ['aws', 'cdk', 'cdktf', 'terraform', 'alb', 'nlb', 'load-balancer', 'route53'],
  peerDeps: ['cdktf@^0.21.0', '@cdktf/provider-aws@^20.1.0'],
  devDeps: ['aws-cdk@^2.1000.0', 'cdktf-cli@0.21.0', 'cdk-nag@^3.0.0', 'fast-check@^4.0.0'],
  gitignore: ['cdk.out', 'cdktf.out', '.terraform', '.terraform.lock.hcl', '*.tfstate', '*.tfstate.*', '/.demo-out'],
  jestOptions: {
    jestConfig: {
      testTimeout: 120_000,
    },
  },
  tsconfigDev: {
    compilerOptions: {},
    include: ['examples/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
  },
});

// A CloudFormation user need not install cdktf, nor a Terraform user aws-cdk-lib.
project.package.addField('peerDependenciesMeta', {
  'aws-cdk-lib': { optional: true },
  'cdktf': { optional: true },
  '@cdktf/provider-aws': { optional: true },
});

project.synth();
