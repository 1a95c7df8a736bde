import { Advice, adviseWebApi } from '../advice';
import * as d from '../defaults';
import { LbkitValidationError } from '../errors';
import * as l from '../limits';
import { planAction } from './action';
import { planConnectionLogs, planHealthCheckLogs } from './alb-log-streams';
import { planAuthenticate } from './authenticate';
import { planCapacityReservation } from './capacity-reservation';
import { WebApiEngineFacts } from './engine-facts';
import { planIpAddressType } from './ip-address-type';
import { planJwtValidation } from './jwt-validation';
import { planLambdaTargetGroup } from './lambda-target-group';
import { planWebApiMonitoring, latencyBudgetSeconds, WithoutMonitoring } from './monitoring';
import { planMutualTls } from './mutual-tls';
import { assignPriorities } from './priorities';
import { planListenerHeaders } from './response-headers';
import { engineOptionNames, planAliasRecords, planAllowedCidrs, planCertificates, planEnabledAccessLogs, planIdentity } from './shared-parts';
import { planTargetGroup } from './target-group';
import { planTransforms } from './transforms';
import {
  ActionModel, ConditionsModel, EgressRuleModel, IngressRuleModel, LambdaTargetGroupModel, LoadBalancerModel, RuleModel,
  TargetGroupModel, TransformModel, JwtValidationModel, WafModel, AccessLogsModel, ListenerModel, compareText, isDualStack,
} from '../model/load-balancer-model';
import { ActionSpec } from '../options/action-spec';
import { AuthenticationSpec } from '../options/authentication-spec';
import { DesyncMitigationMode, TargetType, XForwardedForMode } from '../options/enums';
import { RouteOptions } from '../options/route-options';
import { WebApiLoadBalancerOptions } from '../options/web-api-options';
import { requireOneOf } from '../validation/choices';
import { checkConditions } from '../validation/conditions';
import { checkResourceName } from '../validation/names';
import { checkAvailabilityZones } from '../validation/network';
import { requireRange } from '../validation/range';
import { checkReachableRules } from '../validation/shadowed-routes';
import { checkSslPolicy } from '../validation/tls';

export interface WebApiPlan {
  readonly model: LoadBalancerModel;
  readonly advice: Advice[];
  /** Route names that own a target group (Lambda groups included), sorted. */
  readonly targetGroupRoutes: string[];
  /** Route names that own a Lambda function's target group, sorted. */
  readonly lambdaTargetGroupRoutes: string[];
  /** Local files the renderers upload for the trust store: SHA-256 (hex) → absolute path. */
  readonly uploads: ReadonlyMap<string, string>;
}

function conditionsOf(route: RouteOptions): ConditionsModel {
  const c: { -readonly [K in keyof ConditionsModel]: ConditionsModel[K] } = {};
  if (route.hosts?.length) c.hostHeaders = [...route.hosts];
  if (route.paths?.length) c.pathPatterns = [...route.paths];
  if (route.methods?.length) c.httpRequestMethods = [...route.methods];
  if (route.sourceIps?.length) c.sourceIps = [...route.sourceIps];
  if (route.headers?.length) {
    c.httpHeaders = route.headers.map((h) => ({ name: h.name, values: [...h.values] }))
      .sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()));
  }
  if (route.queryStrings?.length) {
    c.queryStrings = route.queryStrings.map((q) => (q.key !== undefined ? { key: q.key, value: q.value } : { value: q.value }));
  }
  return c;
}

function hasConditions(c: ConditionsModel): boolean {
  return Object.keys(c).length > 0;
}

const byPortThenCidr = (a: { port: number; cidr: string }, b: { port: number; cidr: string }) => a.port - b.port || compareText(a.cidr, b.cidr);

/**
 * Plans a WebApiLoadBalancer: applies lbkit's defaults, checks every option against AWS's
 * limits (throwing {@link LbkitValidationError}), assigns rule priorities and collects advice.
 * Both renderers call this and only translate its model.
 */
export function planWebApi(options: WebApiLoadBalancerOptions, facts: WebApiEngineFacts): WebApiPlan {
  const path = facts.path;
  const routes = options.routes ?? [];
  const internetFacing = options.internetFacing ?? true;

  const { subnets: subnetsOption, certificates: certificatesOption } = engineOptionNames(facts);

  checkResourceName(path, 'loadBalancerName', options.loadBalancerName);
  checkAvailabilityZones(path, subnetsOption, facts.availabilityZones, facts.subnetCount);
  const ipAddressType = planIpAddressType(path, options, 'application', internetFacing, facts);
  const dualStack = isDualStack(ipAddressType);

  // Routes: names, conditions, actions.
  if (routes.length === 0) {
    throw new LbkitValidationError(path, 'routes', 'must contain at least one route (a web API load balancer with nothing behind it serves only 404s)', routes);
  }
  const names = new Set<string>();
  for (const [i, route] of routes.entries()) {
    checkResourceName(path, `routes[${i}].name`, route.name);
    if (names.has(route.name) || route.name === d.LB_HEALTH_ROUTE_NAME) {
      throw new LbkitValidationError(path, `routes[${i}].name`, 'must be unique among routes (and not the reserved "lb-health")', route.name);
    }
    names.add(route.name);
  }
  const healthResponse = options.loadBalancerHealthResponse ?? false;
  // A route without conditions makes no rule: it only holds a target group that the
  // default action or a weighted forward sends to.
  const ruleRoutes = routes.filter((route) => hasConditions(conditionsOf(route)));
  for (const route of routes.filter((r) => !ruleRoutes.includes(r))) {
    if (route.action !== undefined || route.priority !== undefined) {
      throw new LbkitValidationError(path, `routes["${route.name}"]`,
        'has an action or priority but no conditions; give it conditions (hosts, paths, ...) or let defaultAction forward to it', route.name);
    }
    if (route.authenticate !== undefined) {
      // Sign-in is an action of a listener rule; a route without conditions has none (the default action only forwards to it).
      throw new LbkitValidationError(path, `routes["${route.name}"].authenticate`,
        'needs a route with conditions: sign-in runs in the route\'s listener rule, and a route without conditions makes no rule (give it paths: [\'/*\'] to protect everything)', route.name);
    }
    if (route.rewrite !== undefined) {
      // AWS has no transforms on a default rule, and a route without conditions is reached only through the default action.
      throw new LbkitValidationError(path, `routes["${route.name}"].rewrite`,
        'needs a route with conditions: a rewrite is a transform of the route\'s listener rule, and AWS allows none on the default rule (give it paths: [\'/*\'] to rewrite everything)', route.rewrite);
    }
    if (route.validateJwt !== undefined) {
      // lbkit's default action only forwards or answers (its model has no pre-routing action there), like sign-in.
      throw new LbkitValidationError(path, `routes["${route.name}"].validateJwt`,
        'needs a route with conditions: the token check runs in the route\'s listener rule, and a route without conditions makes no rule (give it paths: [\'/*\'] to check every request)', route.name);
    }
  }
  for (const route of ruleRoutes) {
    if (route.validateJwt !== undefined && route.authenticate !== undefined) {
      // Both run first (order 1) and AWS runs one pre-routing action per rule: a sign-in cookie or a bearer token, not both.
      throw new LbkitValidationError(path, `routes["${route.name}"].validateJwt`,
        'cannot be combined with authenticate on one route: a rule runs one sign-in or token check before its action', route.name);
    }
  }
  type RuleSpec = {
    route: string;
    conditions: ConditionsModel;
    action: ActionSpec;
    authenticate?: AuthenticationSpec;
    explicit?: number;
    transforms?: TransformModel[];
    validateJwt?: JwtValidationModel;
  };
  const ruleSpecs: RuleSpec[] = ruleRoutes.map((route) => ({
    route: route.name,
    conditions: conditionsOf(route),
    authenticate: route.authenticate?._spec,
    action: route.action?._spec ?? { type: 'forward', targets: [{ route: route.name, weight: 1 }] },
    explicit: route.priority,
    transforms: planTransforms(path, `routes["${route.name}"].rewrite`, route.rewrite),
    validateJwt: route.validateJwt !== undefined ? planJwtValidation(path, `routes["${route.name}"].validateJwt`, route.validateJwt) : undefined,
  }));
  if (healthResponse) {
    ruleSpecs.push({
      route: d.LB_HEALTH_ROUTE_NAME,
      conditions: { pathPatterns: [d.HEALTH_CHECK_PATH] },
      action: { type: 'fixed-response', statusCode: 200, contentType: 'application/json', body: d.LB_HEALTH_BODY },
    });
  }
  if (ruleSpecs.length > l.RULES_PER_LOAD_BALANCER) {
    throw new LbkitValidationError(path, 'routes', `has ${ruleSpecs.length} rules; an ALB allows at most ${l.RULES_PER_LOAD_BALANCER}`, ruleSpecs.map((r) => r.route));
  }
  for (const r of ruleSpecs) checkConditions(path, `routes["${r.route}"]`, r.conditions);
  const priorities = assignPriorities(path, ruleSpecs);
  const rules: RuleModel[] = ruleSpecs.map((r) => ({
    route: r.route,
    priority: priorities.get(r.route)!,
    conditions: r.conditions,
    // AWS runs the sign-in first (order 1) on the HTTPS listener, where every route's rule lives; the action follows it.
    ...(r.authenticate ? { authenticate: planAuthenticate(path, `routes["${r.route}"].authenticate`, r.authenticate) } : {}),
    action: planAction(path, `routes["${r.route}"].action`, r.action, names),
    ...(r.transforms ? { transforms: r.transforms } : {}),
    ...(r.validateJwt ? { validateJwt: r.validateJwt } : {}),
  })).sort((a, b) => a.priority - b.priority);
  checkReachableRules(path, rules);

  const defaultAction: ActionModel = options.defaultAction
    ? planAction(path, 'defaultAction', options.defaultAction._spec, names)
    : { type: 'fixed-response', statusCode: String(d.NOT_FOUND_STATUS), contentType: d.NOT_FOUND_CONTENT_TYPE, messageBody: d.NOT_FOUND_BODY };

  // Target groups: one per route that some forward action sends to.
  const forwarded = new Set<string>();
  for (const action of [defaultAction, ...rules.map((r) => r.action)]) {
    if (action.type === 'forward') action.targetGroups.forEach((t) => forwarded.add(t.name));
  }
  for (const route of routes) {
    if (!forwarded.has(route.name) && !ruleRoutes.includes(route)) {
      throw new LbkitValidationError(path, `routes["${route.name}"]`,
        'has no conditions and nothing forwards to it; add conditions or point defaultAction at it', route.name);
    }
  }
  // Lambda routes get a group of their own kind (no port, protocol or balancing); see lambda-target-group.ts.
  const isLambda = (r: RouteOptions) => r.targetType === TargetType.LAMBDA;
  const byName = (a: { name: string }, b: { name: string }) => compareText(a.name, b.name);
  const targetGroups: TargetGroupModel[] = routes.filter((r) => forwarded.has(r.name) && !isLambda(r))
    .map((r) => planTargetGroup(path, r))
    .sort(byName);
  const lambdaTargetGroups: LambdaTargetGroupModel[] = routes.filter((r) => forwarded.has(r.name) && isLambda(r))
    .map((r) => planLambdaTargetGroup(path, r))
    .sort(byName);
  const groupCount = targetGroups.length + lambdaTargetGroups.length;
  if (groupCount > l.TARGET_GROUPS_PER_LOAD_BALANCER) {
    throw new LbkitValidationError(path, 'routes', `needs ${groupCount} target groups; an ALB allows at most ${l.TARGET_GROUPS_PER_LOAD_BALANCER}`, groupCount);
  }

  // Certificates and TLS.
  const certificates = planCertificates(path, facts, options.managedCertificates ?? []);
  if (certificates.length === 0) {
    throw new LbkitValidationError(path, certificatesOption, 'must hold at least one certificate for the HTTPS listener (or set managedCertificates)', []);
  }
  const sslPolicy = options.sslPolicy ?? d.SSL_POLICY;
  checkSslPolicy(path, sslPolicy);
  // Mutual TLS: on the HTTPS listener only (the HTTP one only redirects).
  const { mutualAuthentication, uploads } = planMutualTls(path, options.mutualTls);

  const redirectHttp = options.redirectHttp ?? true;
  const listeners: ListenerModel[] = [
    ...(redirectHttp ? [{
      port: d.HTTP_PORT,
      protocol: 'HTTP' as const,
      defaultAction: { type: 'redirect' as const, statusCode: d.HTTP_REDIRECT_STATUS as 'HTTP_301', protocol: 'HTTPS', host: '#{host}', port: String(d.HTTPS_PORT), path: '/#{path}', query: '#{query}' },
      rules: [],
      headers: planListenerHeaders(path, options.responseHeaders, 'HTTP'),
    }] : []),
    { port: d.HTTPS_PORT, protocol: 'HTTPS', sslPolicy, defaultAction, rules, ...(mutualAuthentication ? { mutualAuthentication } : {}), headers: planListenerHeaders(path, options.responseHeaders, 'HTTPS') },
  ];

  // Attributes.
  const idleTimeoutSeconds = options.idleTimeoutSeconds ?? d.IDLE_TIMEOUT_SECONDS;
  requireRange(path, 'idleTimeoutSeconds', idleTimeoutSeconds, l.ALB_IDLE_TIMEOUT_MIN, l.ALB_IDLE_TIMEOUT_MAX);
  const desync = requireOneOf(path, 'desyncMitigationMode', options.desyncMitigationMode ?? d.DESYNC_MITIGATION_MODE,
    [DesyncMitigationMode.DEFENSIVE, DesyncMitigationMode.STRICTEST], 'must be DEFENSIVE or STRICTEST: MONITOR forwards request-smuggling attempts to targets');
  const xff = requireOneOf(path, 'xForwardedForMode', options.xForwardedForMode ?? d.X_FORWARDED_FOR_MODE, XForwardedForMode);

  // Security group: Lambda targets are invoked, not connected to, so they need no egress rule.
  const allowed = planAllowedCidrs(path, options.allowedCidrs, internetFacing, dualStack);
  const ports = [d.HTTPS_PORT, ...(redirectHttp ? [d.HTTP_PORT] : [])];
  const ingress: IngressRuleModel[] = ports.flatMap((port) => allowed.map((cidr) => ({ port, cidr }))).sort(byPortThenCidr);
  const egressPorts = [...new Set(targetGroups.flatMap((tg) => [tg.port, ...(tg.healthCheck.port === 'traffic-port' ? [] : [Number(tg.healthCheck.port)])]))];
  const egress: EgressRuleModel[] = egressPorts.map((port) => ({ port, cidr: facts.targetCidr })).sort(byPortThenCidr);

  // Access logs.
  const logOptions = options.accessLogs ?? {};
  let accessLogs: AccessLogsModel;
  if (logOptions.enabled === false) {
    accessLogs = { enabled: false };
  } else {
    accessLogs = planEnabledAccessLogs(path, logOptions, facts.existingLogBucketName);
  }
  const connectionLogs = planConnectionLogs(path, options.connectionLogs, accessLogs);
  const healthCheckLogs = planHealthCheckLogs(path, options.healthCheckLogs, accessLogs);

  // WAF.
  const wafOptions = options.waf ?? {};
  let waf: WafModel;
  if (wafOptions.enabled === false) {
    if (wafOptions.webAclArn !== undefined) {
      throw new LbkitValidationError(path, 'waf.webAclArn', 'is set while waf.enabled is false', wafOptions.webAclArn);
    }
    waf = { kind: 'none' };
  } else if (wafOptions.webAclArn !== undefined) {
    waf = { kind: 'existing', webAclArn: wafOptions.webAclArn };
  } else {
    const rateLimit = wafOptions.rateLimitPer5Minutes ?? d.WAF_RATE_LIMIT_PER_5_MINUTES;
    requireRange(path, 'waf.rateLimitPer5Minutes', rateLimit, l.WAF_RATE_LIMIT_MIN, l.WAF_RATE_LIMIT_MAX);
    waf = { kind: 'managed', rateLimit, rateLimitWindowSeconds: d.WAF_RATE_LIMIT_WINDOW_SECONDS, managedRuleGroups: [...d.WAF_MANAGED_RULE_GROUPS] };
  }

  // DNS.
  const dnsRecords = planAliasRecords(path, facts, options.aliasRecordNames ?? [], dualStack);
  const minimumCapacityUnits = planCapacityReservation(path, options.minimumCapacityUnits, { kind: 'application' });

  const balancer: WithoutMonitoring<LoadBalancerModel> = {
    kind: 'application',
    ...planIdentity(facts, options.loadBalancerName, internetFacing, ipAddressType),
    ...(minimumCapacityUnits !== undefined ? { minimumCapacityUnits } : {}),
    attributes: {
      idleTimeoutSeconds,
      http2Enabled: options.http2 ?? true,
      dropInvalidHeaderFields: options.dropInvalidHeaderFields ?? true,
      desyncMitigationMode: desync,
      deletionProtection: options.deletionProtection ?? true,
      xffHeaderProcessingMode: xff,
      xffClientPort: options.xForwardedForClientPort ?? false,
    },
    accessLogs,
    connectionLogs,
    healthCheckLogs,
    securityGroup: { ingress, egress },
    certificates,
    listeners,
    targetGroups,
    ...(lambdaTargetGroups.length > 0 ? { lambdaTargetGroups } : {}),
    waf,
    dnsRecords,
  };
  const latencyBudgets = new Map(routes.map((r) => [r.name, latencyBudgetSeconds(r.requestDuration)]));
  const model: LoadBalancerModel = { ...balancer, monitoring: planWebApiMonitoring(path, options, balancer, latencyBudgets) };
  const targetGroupRoutes = [...targetGroups, ...lambdaTargetGroups].map((tg) => tg.name).sort(compareText);
  return {
    model, advice: adviseWebApi(options, model), targetGroupRoutes, lambdaTargetGroupRoutes: lambdaTargetGroups.map((tg) => tg.name), uploads,
  };
}
