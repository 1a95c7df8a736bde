import { Match } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import { harness, listenerOf, minimalProps, SG, Template, targetGroupId, targetGroupOf } from './fixtures';
import { TcpServiceLoadBalancer } from '../../../src/aws-cdk';
import { ListenerProtocol, TargetType } from '../../../src/core';

const game = { name: 'game', port: 7777, protocol: ListenerProtocol.TCP };

describe('targets: given per listener, or attached later through targetGroup(name)', () => {
  test('IP targets given on the listener are registered in its target group', () => {
    const h = harness();
    new TcpServiceLoadBalancer(h.stack, 'Game', minimalProps(h, {
      listeners: [{ ...game, targets: [new targets.IpTarget('10.0.1.30', 7777), new targets.IpTarget('10.0.2.30', 7777)] }],
    }));
    expect(targetGroupOf(Template.fromStack(h.stack), 'game').Targets).toEqual([{ Id: '10.0.1.30', Port: 7777 }, { Id: '10.0.2.30', Port: 7777 }]);
  });

  test('an ECS Fargate service attaches through targetGroup(name), waits for the listener, and can let the NLB in', () => {
    const h = harness();
    const nlb = new TcpServiceLoadBalancer(h.stack, 'Game', minimalProps(h, { listeners: [game] }));
    const cluster = new ecs.Cluster(h.stack, 'Cluster', { vpc: h.vpc });
    const task = new ecs.FargateTaskDefinition(h.stack, 'Task');
    task.addContainer('server', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox'), portMappings: [{ containerPort: 7777 }] });
    const service = new ecs.FargateService(h.stack, 'Service', { cluster, taskDefinition: task });
    nlb.targetGroup('game').addTarget(service);
    service.connections.allowFrom(nlb, ec2.Port.tcp(7777));

    const template = Template.fromStack(h.stack);
    const svc = Object.values(template.findResources('AWS::ECS::Service'))[0] as any;
    expect(svc.Properties.LoadBalancers).toEqual([{ TargetGroupArn: { Ref: targetGroupId(template, 'game') }, ContainerName: 'server', ContainerPort: 7777 }]);
    expect(svc.DependsOn).toEqual(expect.arrayContaining([listenerOf(template, 'game').id]));
    const lbSgId = Object.keys(template.findResources(SG, { Properties: { GroupDescription: Match.stringLikeRegexp('^lbkit') } }))[0];
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      IpProtocol: 'tcp', FromPort: 7777, ToPort: 7777, SourceSecurityGroupId: { 'Fn::GetAtt': [lbSgId, 'GroupId'] },
    });
    // The load balancer's own rules stay exactly the plan's.
    template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 0);
  });

  test('an auto scaling group attaches through targetGroup(name)', () => {
    const h = harness();
    const nlb = new TcpServiceLoadBalancer(h.stack, 'Game', minimalProps(h, { listeners: [{ ...game, targetType: TargetType.INSTANCE }] }));
    const asg = new autoscaling.AutoScalingGroup(h.stack, 'Asg', {
      vpc: h.vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-12345678' }),
    });
    nlb.targetGroup('game').addTarget(asg);
    const template = Template.fromStack(h.stack);
    const group = Object.values(template.findResources('AWS::AutoScaling::AutoScalingGroup'))[0] as any;
    expect(group.Properties.TargetGroupARNs).toEqual([{ Ref: targetGroupId(template, 'game') }]);
  });

  test('targetGroup() of an unknown name names the path, the value and the listeners', () => {
    const h = harness();
    const nlb = new TcpServiceLoadBalancer(h.stack, 'Game', minimalProps(h, { listeners: [game, { name: 'chat', port: 7000, protocol: ListenerProtocol.TCP }] }));
    expect(() => nlb.targetGroup('voice')).toThrow('Stack/Game: targetGroup(listenerName) names no listener (listeners: chat, game) (received: "voice")');
    expect(nlb.targetGroupNames).toEqual(['chat', 'game']);
  });

  test('the load balancer is exposed as an INetworkLoadBalancer with its ARN and DNS name', () => {
    const h = harness();
    const nlb = new TcpServiceLoadBalancer(h.stack, 'Game', minimalProps(h));
    const lbId = Object.keys(Template.fromStack(h.stack).findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'))[0];
    expect(h.stack.resolve(nlb.loadBalancerArn)).toEqual({ Ref: lbId });
    expect(h.stack.resolve(nlb.loadBalancer.loadBalancerArn)).toEqual({ Ref: lbId });
    expect(h.stack.resolve(nlb.loadBalancerDnsName)).toEqual({ 'Fn::GetAtt': [lbId, 'DNSName'] });
  });
});
