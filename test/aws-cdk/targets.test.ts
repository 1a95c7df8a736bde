import { Match } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import { errorOf, harness, minimalProps, Template, targetGroupId, targetGroupOf } from './fixtures';
import { WebApiLoadBalancer } from '../../src/aws-cdk';
import { RouteAction, TargetType } from '../../src/core';

describe('7. targets', () => {
  test('IP targets given on the route are registered in its target group', () => {
    const h = harness();
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, {
      routes: [{ name: 'api', paths: ['/api/*'], port: 8080, targets: [new targets.IpTarget('10.0.1.10', 8080), new targets.IpTarget('10.0.2.10', 8080)] }],
    }));
    expect(targetGroupOf(Template.fromStack(h.stack), 'api').Targets).toEqual([
      { Id: '10.0.1.10', Port: 8080 },
      { Id: '10.0.2.10', Port: 8080 },
    ]);
  });

  test('an instance target on an INSTANCE route', () => {
    const h = harness();
    const instance = new ec2.Instance(h.stack, 'Box', {
      vpc: h.vpc,
      instanceType: new ec2.InstanceType('t3.micro'),
      machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-12345678' }),
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    });
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, {
      routes: [{ name: 'api', paths: ['/api/*'], port: 8080, targetType: TargetType.INSTANCE, targets: [new targets.InstanceTarget(instance, 8080)] }],
    }));
    const template = Template.fromStack(h.stack);
    const instanceId = Object.keys(template.findResources('AWS::EC2::Instance'))[0];
    expect(targetGroupOf(template, 'api')).toMatchObject({ TargetType: 'instance', Targets: [{ Id: { Ref: instanceId }, Port: 8080 }] });
  });

  test('an instance target on an IP route is refused by CDK\'s own target-type check', () => {
    const h = harness();
    const instance = new ec2.Instance(h.stack, 'Box', {
      vpc: h.vpc,
      instanceType: new ec2.InstanceType('t3.micro'),
      machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-12345678' }),
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    });
    expect(() => new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, {
      routes: [{ name: 'api', paths: ['/api/*'], targets: [new targets.InstanceTarget(instance)] }],
    }))).toThrow(/ip.*instance|instance.*ip/);
  });

  test('an ECS Fargate service attaches through targetGroup(name), waits for the listener and its rules, and lets the LB in', () => {
    const h = harness();
    const web = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h));
    const cluster = new ecs.Cluster(h.stack, 'Cluster', { vpc: h.vpc });
    const task = new ecs.FargateTaskDefinition(h.stack, 'Task');
    task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx'), portMappings: [{ containerPort: 8080 }] });
    const service = new ecs.FargateService(h.stack, 'Service', { cluster, taskDefinition: task });
    web.targetGroup('api').addTarget(service);

    const template = Template.fromStack(h.stack);
    const tgId = targetGroupId(template, 'api');
    const svc = Object.values(template.findResources('AWS::ECS::Service'))[0] as any;
    expect(svc.Properties.LoadBalancers).toEqual([{ TargetGroupArn: { Ref: tgId }, ContainerName: 'app', ContainerPort: 8080 }]);
    const listenerAndRules = [
      ...Object.keys(template.findResources('AWS::ElasticLoadBalancingV2::Listener', { Properties: { Port: 443 } })),
      ...Object.keys(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule')),
    ];
    expect(svc.DependsOn).toEqual(expect.arrayContaining(listenerAndRules));
    // The service's security group admits the load balancer's on the target port; the LB's own rules stay exactly the plan's.
    const lbSgId = Object.keys(template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('^lbkit') } }))[0];
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: { 'Fn::GetAtt': [lbSgId, 'GroupId'] },
    });
    template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 0);
  });

  test('an auto scaling group attaches through targetGroup(name)', () => {
    const h = harness();
    const web = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, { routes: [{ name: 'api', paths: ['/api/*'], targetType: TargetType.INSTANCE }] }));
    const asg = new autoscaling.AutoScalingGroup(h.stack, 'Asg', {
      vpc: h.vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-12345678' }),
    });
    web.targetGroup('api').addTarget(asg);
    const template = Template.fromStack(h.stack);
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { TargetGroupARNs: [{ Ref: targetGroupId(template, 'api') }] });
  });

  test('targetGroup() of an unknown route names the path, the value and the routes that have one', () => {
    const h = harness();
    const web = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h));
    expect(() => web.targetGroup('nope')).toThrow(
      'Stack/Api: targetGroup(routeName) names no route with a target group (routes with one: api) (received: "nope")');
    expect(web.targetGroupRoutes).toEqual(['api']);
  });

  test('targets on a route that owns no target group are refused', () => {
    const message = errorOf({
      routes: [
        { name: 'api', paths: ['/api/*'] },
        { name: 'old', paths: ['/old'], action: RouteAction.redirect({ path: '/api/' }), targets: [new targets.IpTarget('10.0.1.1')] },
      ],
    });
    expect(message).toBe('Stack/Api: routes["old"].targets are given but nothing forwards to this route, so it has no target group (received: 1)');
  });
});
