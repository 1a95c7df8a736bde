// GENERATED from examples/game-server-nlb-cdktf/main.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
// The game-server example (notes/EXAMPLE-NLB.md) on Terraform: one TcpServiceLoadBalancer in stack
// `game-server` — the seed's multiplayer game (long sessions, source-IP affinity, TCP health
// check, an hour of draining) plus MQTT over TLS, terminated and passed through.
// Synthesize with `npx cdktn synth` (or `npx ts-node --prefer-ts-exts main.ts`) into cdktf.out/.
import { mkdirSync } from 'fs';
import { AwsProvider } from '@cdktn/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack } from 'cdktn';
import { Construct } from 'constructs';
import { TcpServiceLoadBalancer } from '../../src/cdktn';
import { ListenerProtocol, SessionAffinity, TlsMode } from '../../src/core';

export class GameServerStack extends TerraformStack {
  public readonly loadBalancer: TcpServiceLoadBalancer;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-1' });

    this.loadBalancer = new TcpServiceLoadBalancer(this, 'Game', {
      vpcId: 'vpc-0123456789abcdef0',
      vpcCidrBlock: '10.0.0.0/16',
      subnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'],
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      hostedZoneId: 'Z0123456789EXAMPLE',
      elasticIps: true, // players and firewalls allow-list fixed addresses
      managedCertificates: [{ domainName: 'mqtt.example.com' }],
      aliasRecordNames: ['play.example.com', 'mqtt.example.com'],
      listeners: [
        {
          name: 'game', port: 7777, protocol: ListenerProtocol.TCP, sessionAffinity: SessionAffinity.SOURCE_IP,
          deregistrationDelaySeconds: 3600, terminateConnectionsOnDeregistration: true,
          targets: [{ id: '10.0.1.30', port: 7777 }, { id: '10.0.2.30', port: 7777 }],
        },
        {
          name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, sessionAffinity: SessionAffinity.SOURCE_IP,
          deregistrationDelaySeconds: 3600, healthCheck: { port: 7777 }, // UDP targets are checked over TCP
          targets: [{ id: '10.0.1.30', port: 7778 }, { id: '10.0.2.30', port: 7778 }],
        },
        { name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS, targetPort: 1883, targets: [{ id: '10.0.1.40', port: 1883 }] }, // TLS ends at the NLB
        {
          name: 'mqtt-mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH, proxyProtocolV2: true, // targets do (mutual) TLS
          targets: [{ id: '10.0.1.41', port: 8884 }],
        },
      ],
    });

    new TerraformOutput(this, 'load_balancer_dns_name', { value: this.loadBalancer.loadBalancerDnsName });
  }
}

/** Builds the example app; `outdir` defaults to cdktf.out in the working directory (or CDKTF_OUTDIR). */
export function createApp(outdir?: string): App {
  // cdktf creates only the last level of the output directory.
  if (outdir !== undefined) mkdirSync(outdir, { recursive: true });
  const app = new App(outdir !== undefined ? { outdir } : {});
  new GameServerStack(app, 'game-server');
  return app;
}

if (require.main === module) {
  createApp().synth();
}
