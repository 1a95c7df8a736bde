import { Annotations, App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { TcpServiceLoadBalancer } from '../../src/aws-cdk';
import { ListenerProtocol, SessionAffinity, TlsMode } from '../../src/core';

const ip = (address: string, port: number): elbv2.INetworkLoadBalancerTarget => new targets.IpTarget(address, port);

/**
 * The game-server example of notes/EXAMPLE-NLB.md: stack `GameServerStack`, one
 * TcpServiceLoadBalancer `Game` — a multiplayer game (long sessions, source-IP affinity, an hour
 * of draining) with UDP voice, plus MQTT over TLS terminated and passed through.
 */
export function createApp(outdir?: string): App {
  const app = new App(outdir !== undefined ? { outdir } : {});
  const stack = new Stack(app, 'GameServerStack', { env: { account: '111111111111', region: 'eu-west-1' } });

  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0123456789abcdef0',
    vpcCidrBlock: '10.0.0.0/16',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    publicSubnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'],
  });
  Annotations.of(vpc).acknowledgeWarning('@aws-cdk/aws-ec2:noSubnetRouteTableId', 'the example imports its VPC by literals; nothing reads route tables');
  const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', {
    hostedZoneId: 'Z0123456789EXAMPLE',
    zoneName: 'example.com',
  });

  const game = new TcpServiceLoadBalancer(stack, 'Game', {
    vpc,
    hostedZone,
    elasticIps: true, // players and firewalls allow-list fixed addresses
    managedCertificates: [{ domainName: 'mqtt.example.com' }],
    aliasRecordNames: ['play.example.com', 'mqtt.example.com'],
    listeners: [
      {
        name: 'game', port: 7777, protocol: ListenerProtocol.TCP, sessionAffinity: SessionAffinity.SOURCE_IP,
        deregistrationDelaySeconds: 3600, terminateConnectionsOnDeregistration: true,
        targets: [ip('10.0.1.30', 7777), ip('10.0.2.30', 7777)],
      },
      {
        name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, sessionAffinity: SessionAffinity.SOURCE_IP,
        deregistrationDelaySeconds: 3600, healthCheck: { port: 7777 }, // UDP is checked on the game's TCP port
        targets: [ip('10.0.1.30', 7778), ip('10.0.2.30', 7778)],
      },
      { name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS, targetPort: 1883, targets: [ip('10.0.1.40', 1883)] },
      {
        name: 'mqtt-mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH, proxyProtocolV2: true,
        targets: [ip('10.0.1.41', 8884)],
      },
    ],
  });
  // Source-IP affinity is deliberate here: a game session lives on one server.
  Annotations.of(game).acknowledgeWarning('lbkit:sourceIpAffinity', 'game sessions and their voice channel hold state on one server; reconnects rejoin from a shared store');
  return app;
}

if (require.main === module) {
  createApp().synth();
}
