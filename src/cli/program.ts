import { join } from 'path';
import { Command, CommanderError, Option } from 'commander';
import { CliError, CliIo } from './cli-error';
import { clientCert, ClientCertOptions } from './client-cert';
import { shellWord } from './describe-serve';
import { diffFiles, formatDifference } from './diff';
import { exportHaproxy, ExportHaproxyOptions } from './export-haproxy';
import { DATA_PLANES, serve, ServeOptions, ServeSession } from './serve';
import { LAMBDA_TIMEOUT_SECONDS, LOCAL_DATA_PLANE } from '../core/defaults';
import { HAPROXY_MIN_VERSION, HaproxyUnsupportedError } from '../haproxy';
import { DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_IP } from '../proxy/connection-limits';
import { LOG_FORMATS } from '../proxy/log-format';
import { CA_DIR_ENV, defaultCaDir } from '../proxy/tls/ca-dir';
import { CA_CERT_FILE } from '../proxy/tls/local-ca';
import { LbkitConfigError } from '../readers';

/** The examples after `lbkit serve --help`; the CA path is this user's (lbkit serve prints it at start too). */
const serveExamples = (caCert: string) => `
Examples:
  # a CDK app's template; the route "api" served by two local processes
  $ lbkit serve cdk.out/WebApiStack.template.json \\
      --target api=127.0.0.1:3001 --target api=127.0.0.1:3002 --target web=127.0.0.1:3000

  # the same load balancer from cdktf, targets from a file, timers 10× faster, admin port
  $ lbkit serve cdktf.out/stacks/web-api/cdk.tf.json --targets targets.json --time-scale 10 --admin-port 9901
    (targets.json: { "api": ["127.0.0.1:3001", "127.0.0.1:3002"], "web": "127.0.0.1:3000" })

  # HTTPS on 9443 instead of 8443, reload on every synth, access log on stdout
  $ lbkit serve cdk.out/WebApiStack.template.json --port 443=9443 --watch --access-log -

  # the same application load balancer on HAProxy (compiled as lbkit export haproxy; see docs/haproxy-data-plane.md)
  $ lbkit serve cdk.out/WebApiStack.template.json --data-plane haproxy --target api=127.0.0.1:3001 --watch --admin-port 9901

  # a network load balancer (TCP, UDP, TLS listeners): 7777 → 15777 locally
  $ lbkit serve cdk.out/GameServerStack.template.json --target game=127.0.0.1:7001 --target voice=127.0.0.1:7002

  # GlobalFailover's records on a local DNS server, each endpoint a locally served regional load balancer
  $ lbkit serve cdk.out/GlobalDns.template.json --dns 127.0.0.1:5353 \\
      --endpoint eu-west-1=127.0.0.2:8443 --endpoint us-east-1=127.0.0.3:8443 --time-scale 10
  $ dig @127.0.0.1 -p 5353 api.example.com A +short

  # mutual TLS: a client certificate from the local client CA; its CA bundle as the listener's trust store
  $ lbkit client-cert alice --out certs
  $ lbkit serve cdk.out/WebApiStack.template.json --target api=127.0.0.1:3001 --trust-store 443=<client CA bundle printed above>
  $ curl --cert certs/alice.pem --key certs/alice-key.pem --cacert ${caCert} --resolve api.example.com:8443:127.0.0.1 https://api.example.com:8443/
  # sign-in routes: a local identity provider signs alice in; the x-amzn-oidc-data key on the admin port
  $ lbkit serve cdk.out/WebApiStack.template.json --target app=127.0.0.1:3000 --user alice --admin-port 9901

  # bearer-token routes (JWT validation): a token from the local stand-in of the issuer (its URL printed at start)
  $ TOKEN=$(curl -s -u my-client:any-secret -d grant_type=client_credentials -d scope=read \
      'http://127.0.0.1:<port>/jwt/https%3A%2F%2Fissuer.example.com/token' | jq -r .access_token)
  $ curl --cacert ${caCert} --resolve api.example.com:8443:127.0.0.1 -H "Authorization: Bearer $TOKEN" https://api.example.com:8443/api/x

  # trust the local CA once and call by name
  $ curl --cacert ${caCert} --resolve api.example.com:8443:127.0.0.1 https://api.example.com:8443/v1/users

  # follow the HTTP → HTTPS redirect: Location says :443 as on AWS; curl maps each listener port to its local one
  $ curl -L --cacert ${caCert} --connect-to api.example.com:80:127.0.0.1:8080 \\
      --connect-to api.example.com:443:127.0.0.1:8443 http://api.example.com/v1/users

Listener ports map to local ports 443 → 8443, 80 → 8080, any other p → p + 8000, unless --port says otherwise.
Imported certificates (known only by ARN) get the names given with --domain.
The local CA (its key never in the project) lives in the user's data directory: ${'$'}XDG_DATA_HOME/lbkit/ca or
~/.local/share/lbkit/ca (Linux), ~/Library/Application Support/lbkit/ca (macOS), %LOCALAPPDATA%\\lbkit\\ca (Windows);
${'$'}${CA_DIR_ENV} or --ca-dir choose another.
Health changes, deregistrations and warnings are printed on stderr as they happen (--log-format json for machines).
Exit status: 2 for unreadable or unsupported input and bad flags, 1 when a port cannot be bound.
`;

const DIFF_EXAMPLES = `
Examples:
  $ lbkit diff cdk.out/WebApiStack.template.json cdktf.out/stacks/web-api/cdk.tf.json
  $ lbkit diff before.template.json after.template.json

Exit status: 0 when both describe the same load balancers, 1 when they differ (each difference on a line:
"~ path: a → b", "- path: a" only in the first, "+ path: b" only in the second), 2 when a file cannot be read.
`;

const EXPORT_HAPROXY_EXAMPLES = `
Examples:
  $ lbkit export haproxy cdk.out/WebApiStack.template.json --target api=127.0.0.1:3001 --out haproxy
  $ haproxy -f haproxy/haproxy.cfg -db

Listener ports map to local ports as for lbkit serve (443 → 8443, 80 → 8080, others + 8000; --port to change).
Exit status: 2 for unreadable input, bad flags, or a feature the haproxy data plane does not support (one line naming it).
See docs/haproxy-data-plane.md for each mapping and what differs from AWS.
`;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export interface ProgramHooks {
  /** Called with a started session; the CLI waits for SIGINT/SIGTERM, tests close it. */
  readonly onServing: (session: ServeSession) => Promise<void>;
}

/** The `lbkit` command. Actions set `exitCode`; commander's own errors become CliErrors (exit 2). */
export function buildProgram(io: CliIo, hooks: ProgramHooks, result: { exitCode: number }): Command {
  const program = new Command('lbkit')
    .description('lbkit: serve synthesized load balancers locally, compare synthesized outputs')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => undefined })
    .exitOverride()
    .showHelpAfterError(false)
    .helpCommand(true);

  program.command('serve')
    .description('serve the load balancer (ALB or NLB) and the Route 53 failover records of a CloudFormation template or a cdk.tf.json on localhost')
    .argument('<file>', 'cdk.out/<Stack>.template.json or cdktf.out/stacks/<stack>/cdk.tf.json')
    .option('-t, --target <route=host:port>', 'local endpoint for a target group (route); repeatable, several per route', collect)
    .option('--targets <file.json>', 'target mapping file: { "<route>": ["host:port", ...] }')
    .option('-p, --port <listener=local>', 'local port for a listener port (0 = any free port); repeatable', collect)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--time-scale <n>', 'run health-check, draining and idle timers n times faster', '1')
    .option('-w, --watch', 'reload when the file (or the --targets file) changes; in-flight requests finish')
    .option('--admin-port <port>', 'serve the status page (/), /targets, /alarms, /metrics and deregistration on 127.0.0.1:<port> (0 = any free port)')
    .option('--ca-dir <dir>', `directory of the local CA (ca.pem, its key) and the issued certificates (default: ${defaultCaDir()})`)
    .option('-d, --domain <name>', 'certificate name for imported certificates (known only by ARN); repeatable', collect)
    .option('--access-log <file|->', 'write ALB-format access-log lines to a file, or - for stdout')
    .option('--connection-log <file|->', 'write ALB-format connection-log lines (one per client connection, TLS handshakes) to a file, or - for stdout')
    .option('--lb <name>', 'which load balancer, when the file holds several')
    .option('--dns <host:port>', 'answer the file\'s GlobalFailover (Route 53) records over UDP and TCP, e.g. 127.0.0.1:5353')
    .option('-e, --endpoint <name=host:port>', 'local stand-in of a GlobalFailover endpoint: answered by DNS and health-checked; repeatable', collect)
    .option('--client-region <region>', 'the AWS region DNS clients are in, for latency records (e.g. eu-west-1)')
    .option('--workers <n|auto>', 'processes serving an application load balancer, sharing its listeners (auto = one per core); health checks run once, in the primary', '1')
    .option('--lambda <route=file.js[#handler]>', 'local handler of a Lambda route (.js, .cjs or .mjs; export handler unless #name), run in a worker thread; repeatable', collect)
    .option('--lambda-timeout <seconds>', `the Lambda functions' timeout: past it the handler is stopped and the route answers 504 (default ${LAMBDA_TIMEOUT_SECONDS}, AWS Lambda's; scaled by --time-scale)`)
    .option('--user <name|email|json>', 'sign-in actions: the user the local identity provider signs in without a page (alice, alice@corp.example or claims JSON with a sub)')
    .option('--oidc-issuer <url>', 'sign-in actions: use the model\'s own identity providers (endpoints as written) instead of the local one; client secret from $LBKIT_OIDC_CLIENT_SECRET')
    .option('--jwks <issuer=jwks.json>', 'JWT validation actions: the JSON Web Key Set (a local file) tokens of that issuer are checked against; repeatable. '
      + 'An issuer without --jwks is stood in for locally: RS256 keys made at start and a token endpoint (client credentials grant), printed at start', collect)
    .option('--trust-store <[listener=]ca-bundle.pem>', 'CA bundle a mutual TLS verify listener checks client certificates against (needed when the model names an S3 object; '
      + 'overrides an uploaded file); without listener= for every verify listener; repeatable', collect)
    .option('--revocation-list <[listener=]crl.pem>', 'certificate revocation list (PEM) for a verify listener, replacing the model\'s; repeatable', collect)
    .option('--max-connections <n>', `client connections held at once, all listeners together; more are refused with a TCP reset (RejectedConnectionCount on an ALB) (default ${DEFAULT_MAX_CONNECTIONS})`)
    .option('--max-connections-per-ip <n>', `client connections one client IP address holds at once; more are refused the same way (default ${DEFAULT_MAX_CONNECTIONS_PER_IP})`)
    .option('--rewrite-redirect-ports', 'redirects carry the local ports (https://host:8443/) instead of the listener ports (:443, as AWS): for browsers')
    .addOption(new Option('--data-plane <plane>', 'who serves an application load balancer: node (this process) or haproxy '
      + '(compiled as lbkit export haproxy, run in master-worker mode; see docs/haproxy-data-plane.md)').choices([...DATA_PLANES]).default(LOCAL_DATA_PLANE))
    .addOption(new Option('--log-level <level>', 'level of the proxy\'s own log on stderr').choices(['fatal', 'error', 'warn', 'info', 'debug']).default('info'))
    .addOption(new Option('--log-format <format>', 'human: one readable line per event; json: pino\'s JSON lines').choices([...LOG_FORMATS]).default('human'))
    .addHelpText('after', () => serveExamples(shellWord(join(defaultCaDir(), CA_CERT_FILE))))
    .action(async (file: string, options: ServeOptions) => {
      const session = await serve(file, options, io);
      await hooks.onServing(session);
      result.exitCode = 0;
    });

  program.command('client-cert')
    .description('issue a client certificate for mutual TLS from the local client CA (its ca.pem is the CA bundle for lbkit serve --trust-store)')
    .argument('[name]', 'the certificate\'s common name; files <name>.pem and <name>-key.pem')
    .option('--out <dir>', 'directory to write the certificate and key to', '.')
    .option('--ca-dir <dir>', `directory of the local CA; the client CA is its client-ca/ (default: ${defaultCaDir()})`)
    .option('--ou <unit>', 'organizational unit in the certificate\'s subject')
    .option('--days <n>', 'validity in days (default 397); 0 or less makes an expired certificate, to see a refusal')
    .option('--revoke <serial>', 'instead: write the client CA\'s revocation list client-ca/revoked.crl.pem with these serial numbers; repeatable', collect)
    .addHelpText('after', `
Examples:
  $ lbkit client-cert alice --out certs
  $ lbkit serve cdk.out/WebApiStack.template.json --target api=127.0.0.1:3001 --trust-store <client CA bundle printed above>
  $ curl --cert certs/alice.pem --key certs/alice-key.pem --cacert <CA printed by lbkit serve> \\
      --resolve api.example.com:8443:127.0.0.1 https://api.example.com:8443/
`)
    .action((name: string | undefined, options: Omit<ClientCertOptions, 'caDir'> & { caDir?: string }) => {
      const issued = clientCert(name, { ...options, caDir: options.caDir ?? defaultCaDir() });
      io.out(`${issued.lines.join('\n')}\n`);
      result.exitCode = 0;
    });

  program.command('diff')
    .description('compare the load balancers two synthesized files describe (CloudFormation or Terraform, in any pair)')
    .argument('<a>', 'first synthesized file')
    .argument('<b>', 'second synthesized file')
    .addHelpText('after', DIFF_EXAMPLES)
    .action((a: string, b: string) => {
      const differences = diffFiles(a, b);
      for (const d of differences) io.out(`${formatDifference(d)}\n`);
      if (differences.length === 0) io.out(`lbkit diff: ${a} and ${b} describe the same load balancers\n`);
      result.exitCode = differences.length === 0 ? 0 : 1;
    });

  program.command('export')
    .description('compile a synthesized load balancer for another data plane')
    .command('haproxy')
    .description(`compile the application load balancer of a synthesized file into a self-contained haproxy.cfg (HAProxy >= ${HAPROXY_MIN_VERSION}) with its certificates and error pages`)
    .argument('<file>', 'cdk.out/<Stack>.template.json or cdktf.out/stacks/<stack>/cdk.tf.json')
    .option('-t, --target <route=host:port>', 'local endpoint for a target group (route); repeatable, several per route', collect)
    .option('--targets <file.json>', 'target mapping file: { "<route>": ["host:port", ...] }')
    .option('-p, --port <listener=local>', 'local port for a listener port; repeatable', collect)
    .option('--time-scale <n>', 'run health-check and idle timers n times faster', '1')
    .option('--ca-dir <dir>', `directory of the local CA the HTTPS certificates are issued from (default: ${defaultCaDir()})`)
    .option('-d, --domain <name>', 'certificate name for imported certificates (known only by ARN); repeatable', collect)
    .option('--lb <name>', 'which load balancer, when the file holds several')
    .option('--out <dir>', 'directory to write haproxy.cfg and its files to (default: a new temporary directory)')
    .addHelpText('after', EXPORT_HAPROXY_EXAMPLES)
    .action((file: string, options: ExportHaproxyOptions) => {
      io.out(`${exportHaproxy(file, options)}\n`);
      result.exitCode = 0;
    });

  program.addHelpText('after', `
Examples:
  $ lbkit serve cdk.out/WebApiStack.template.json --target api=127.0.0.1:3001
  $ lbkit diff cdk.out/WebApiStack.template.json cdktf.out/stacks/web-api/cdk.tf.json
  $ lbkit serve --help
`);
  return program;
}

/**
 * Runs `lbkit` with the user's arguments (without `node` and the script): resolves with the
 * exit status. Errors are one line, `lbkit: <message>`.
 */
export async function runCli(args: readonly string[], io: CliIo, hooks: ProgramHooks): Promise<number> {
  const result = { exitCode: 0 };
  const program = buildProgram(io, hooks, result);
  try {
    if (args.length === 0) {
      program.outputHelp({ error: true });
      return 2;
    }
    await program.parseAsync([...args], { from: 'user' });
    return result.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.executeSubCommandAsync') return e.exitCode;
      io.err(`lbkit: ${e.message.replace(/^error: /, '')} (see lbkit --help)\n`);
      return 2;
    }
    if (e instanceof HaproxyUnsupportedError) {
      io.err(`${args[0] === 'serve' ? 'lbkit serve --data-plane haproxy' : 'lbkit export haproxy'}: ${e.message}\n`);
      return 2;
    }
    if (e instanceof CliError || e instanceof LbkitConfigError) {
      io.err(`lbkit: ${e.message}\n`);
      return e instanceof CliError ? e.exitCode : 2;
    }
    io.err(`lbkit: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
