import { CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { harness, minimalProps } from './fixtures';
import { props as failoverProps } from './global-failover/fixtures';
import { minimalProps as tcpProps } from './tcp-service/fixtures';
import { GlobalFailover, TcpServiceLoadBalancer, WebApiLoadBalancer } from '../../src/aws-cdk';
import { ListenerProtocol, TargetType } from '../../src/core';
import { readCloudFormationOutput } from '../../src/readers/cloudformation';

/** The template resource a construct's exposed L1 is, found by its logical id: it must be there, with its type. */
function inTemplate(template: Template, resource: CfnResource): Record<string, any> {
  const id = Stack.of(resource).resolve(resource.logicalId) as string;
  const found = template.toJSON().Resources[id];
  expect(found?.Type).toBe(resource.cfnResourceType);
  return found;
}

function webApi(): { stack: Stack; lb: WebApiLoadBalancer } {
  const h = harness();
  const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, {
    routes: [
      { name: 'api', paths: ['/api/*'], port: 8080 },
      { name: 'web', paths: ['/web/*'], port: 3000, targetType: TargetType.INSTANCE },
    ],
    aliasRecordNames: ['api.example.com'],
  }));
  return { stack: h.stack, lb };
}

describe('WebApiLoadBalancer.resources (CloudFormation)', () => {
  test('every resource it exposes is the one in the template, by role', () => {
    const { stack, lb } = webApi();
    const r = lb.resources;
    const template = Template.fromStack(stack);
    inTemplate(template, r.loadBalancer);
    inTemplate(template, r.securityGroup);
    inTemplate(template, r.accessLogBucket!);
    inTemplate(template, r.accessLogBucketPolicy!);
    inTemplate(template, r.webAcl!);
    inTemplate(template, r.webAclAssociation!);
    expect(r.listenerPorts).toEqual([80, 443]);
    expect(inTemplate(template, r.listener(443)).Properties.Protocol).toBe('HTTPS');
    expect(inTemplate(template, r.listener(80)).Properties.Protocol).toBe('HTTP');
    expect(r.ruleRoutes.sort()).toEqual(['api', 'web']);
    expect(inTemplate(template, r.rule('api')).Metadata['lbkit:route']).toBe('api');
    expect(inTemplate(template, r.rule('web')).Metadata['lbkit:route']).toBe('web');
    expect(r.targetGroupNames).toEqual(['api', 'web']);
    for (const name of r.targetGroupNames) {
      expect(inTemplate(template, r.targetGroup(name)).Properties.Tags).toContainEqual({ Key: 'lbkit:route', Value: name });
    }
    expect(r.aliasRecords.map((record) => inTemplate(template, record).Properties.Type)).toEqual(['A']);
  });

  test('the README override: a LoadBalancerAttributes key lbkit does not model reaches the template, and the reader reports it', () => {
    const { stack, lb } = webApi();
    // As in README.md, "When lbkit does not model it".
    const api = lb;
    const target = api.resources.loadBalancer;
    const written = target.loadBalancerAttributes as elbv2.CfnLoadBalancer.LoadBalancerAttributeProperty[];
    target.addPropertyOverride(`LoadBalancerAttributes.${written.length}`, {
      Key: 'routing.http.preserve_host_header.enabled',
      Value: 'true',
    });
    const template = Template.fromStack(stack).toJSON();
    const id = stack.resolve(lb.resources.loadBalancer.logicalId);
    const attributes = template.Resources[id].Properties.LoadBalancerAttributes;
    // Appended after lbkit's own: no hole, nothing lost.
    expect(attributes).toHaveLength(written.length + 1);
    expect(attributes[written.length]).toEqual({ Key: 'routing.http.preserve_host_header.enabled', Value: 'true' });
    expect(attributes.slice(0, -1).map((a: { Key: string }) => a.Key)).toEqual(written.map((a) => a.key));
    // Nothing lbkit wrote was lost to the override.
    expect(attributes).toContainEqual({ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' });
    expect(readCloudFormationOutput(template).unmodeled).toEqual([
      { resource: id, resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer', property: 'LoadBalancerAttributes[routing.http.preserve_host_header.enabled]' },
    ]);
  });

  test('an override of something lbkit models is read back as overridden (a rule condition)', () => {
    const { stack, lb } = webApi();
    lb.resources.rule('api').addPropertyOverride('Conditions.0.PathPatternConfig.Values', ['/v2/*']);
    const [model] = readCloudFormationOutput(Template.fromStack(stack).toJSON()).models;
    const rule = model.kind === 'application' ? model.listeners.find((l) => l.port === 443)!.rules.find((x) => x.route === 'api')! : undefined;
    expect(rule?.conditions.pathPatterns).toEqual(['/v2/*']);
  });

  test('an unknown port, route or target group is one error listing the known ones', () => {
    const { lb } = webApi();
    expect(() => lb.resources.listener(8443)).toThrow('Stack/Api: resources.listener(port) names none of the resources lbkit rendered (listener ports: 80, 443) (received: 8443)');
    expect(() => lb.resources.rule('nope')).toThrow(`resources.rule(route) names none of the resources lbkit rendered (routes with a listener rule: ${lb.resources.ruleRoutes.join(', ')}) (received: "nope")`);
    expect(() => lb.resources.targetGroup('nope')).toThrow('resources.targetGroup(name) names none of the resources lbkit rendered (target groups: api, web) (received: "nope")');
  });

  test('no access logs and no WAF: those roles are absent', () => {
    const h = harness();
    const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, { accessLogs: { enabled: false }, waf: { enabled: false } }));
    expect(lb.resources.accessLogBucket).toBeUndefined();
    expect(lb.resources.accessLogBucketPolicy).toBeUndefined();
    expect(lb.resources.webAcl).toBeUndefined();
    expect(lb.resources.webAclAssociation).toBeUndefined();
  });

  test('targetGroup(route) serves the L2 helpers: an ECS service and an auto scaling group attach, and connections open the target side', () => {
    const { stack, lb } = webApi();
    const h = { stack, vpc: lb.node.scope!.node.findChild('Vpc') as ec2.IVpc };
    const cluster = new ecs.Cluster(h.stack, 'Cluster', { vpc: h.vpc });
    const task = new ecs.FargateTaskDefinition(h.stack, 'Task');
    task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx'), portMappings: [{ containerPort: 8080 }] });
    const service = new ecs.FargateService(h.stack, 'Service', { cluster, taskDefinition: task });
    service.attachToApplicationTargetGroup(lb.targetGroup('api'));
    const asg = new autoscaling.AutoScalingGroup(h.stack, 'Asg', {
      vpc: h.vpc,
      instanceType: new ec2.InstanceType('t3.micro'),
      machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-12345678' }),
    });
    (lb.targetGroup('web') as elbv2.ApplicationTargetGroup).addTarget(asg);

    const template = Template.fromStack(h.stack);
    const group = stackId(h.stack, lb.resources.targetGroup('api'));
    const json = template.toJSON();
    const ecsService = Object.values(json.Resources).find((r: any) => r.Type === 'AWS::ECS::Service') as any;
    expect(ecsService.Properties.LoadBalancers).toEqual([{ ContainerName: 'app', ContainerPort: 8080, TargetGroupArn: { Ref: group } }]);
    // The service waits for the HTTPS listener's rules, so the group is associated first.
    expect(ecsService.DependsOn).toEqual(expect.arrayContaining([stackId(h.stack, lb.resources.listener(443))]));
    const asgProps = Object.values(json.Resources).find((r: any) => r.Type === 'AWS::AutoScaling::AutoScalingGroup') as any;
    expect(asgProps.Properties.TargetGroupARNs).toEqual([{ Ref: stackId(h.stack, lb.resources.targetGroup('web')) }]);
    // Both let the load balancer's security group in on their target port (registerListener's connections).
    const sg = { 'Fn::GetAtt': [stackId(h.stack, lb.resources.securityGroup), 'GroupId'] };
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: sg });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 3000, ToPort: 3000, SourceSecurityGroupId: sg });
  });
});

function stackId(stack: Stack, resource: CfnResource): string {
  return stack.resolve(resource.logicalId);
}

describe('TcpServiceLoadBalancer.resources (CloudFormation)', () => {
  test('the listener by port and the target group by listener name are the template\'s; an override reaches it', () => {
    const h = harness();
    const lb = new TcpServiceLoadBalancer(h.stack, 'Game', tcpProps(h, {
      listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP }, { name: 'cache', port: 6379, protocol: ListenerProtocol.TCP }],
    }));
    lb.resources.targetGroup('db').addPropertyOverride('HealthCheckIntervalSeconds', 5);
    const template = Template.fromStack(h.stack);
    inTemplate(template, lb.resources.loadBalancer);
    inTemplate(template, lb.resources.securityGroup!);
    expect(lb.resources.listenerPorts).toEqual([5432, 6379]);
    expect(inTemplate(template, lb.resources.listener(6379)).Properties.Port).toBe(6379);
    expect(inTemplate(template, lb.resources.targetGroup('db')).Properties.HealthCheckIntervalSeconds).toBe(5);
    expect(() => lb.resources.listener(1)).toThrow('resources.listener(port) names none of the resources lbkit rendered (listener ports: 5432, 6379) (received: 1)');
    expect(() => lb.resources.targetGroup('x')).toThrow('(target groups: cache, db) (received: "x")');
    // A modeled property overridden reads as overridden.
    const [model] = readCloudFormationOutput(template.toJSON()).models;
    expect(model.targetGroups.find((g) => g.name === 'db')!.healthCheck.intervalSeconds).toBe(5);
  });
});

describe('GlobalFailover.resources (CloudFormation)', () => {
  test('health checks and alarms by endpoint, and the records, are the template\'s', () => {
    const h = harness('us-east-1');
    const gf = new GlobalFailover(h.stack, 'Global', failoverProps(h));
    gf.alarm('eu').addAlarmAction({ bind: () => ({ alarmActionArn: 'arn:aws:sns:us-east-1:111111111111:pager' }) });
    gf.resources.healthCheck('eu').addPropertyOverride('HealthCheckConfig.Inverted', false);
    const template = Template.fromStack(h.stack);
    expect(gf.resources.healthCheckedEndpoints).toEqual(['eu', 'us']);
    expect(inTemplate(template, gf.resources.healthCheck('eu')).Properties.HealthCheckConfig.Inverted).toBe(false);
    expect(inTemplate(template, gf.resources.alarm('eu')).Properties.AlarmActions).toEqual(['arn:aws:sns:us-east-1:111111111111:pager']);
    expect(gf.resources.records.map((r) => inTemplate(template, r).Properties.SetIdentifier)).toEqual(['eu', 'us']);
    expect(() => gf.resources.healthCheck('ap')).toThrow('Stack/Global: resources.healthCheck(endpointName) names none of the resources lbkit rendered (endpoints with a health check: eu, us) (received: "ap")');
    expect(() => gf.resources.alarm('ap')).toThrow('(endpoints with a health-check alarm: eu, us) (received: "ap")');
  });
});

