// @ts-check
// Helper of scripts/terraform-check.sh (plain node: it runs once per stack, and ts-node would add seconds).
//
//   node terraform-relax-aws-provider.js pins-6x <cdk.tf.json>
//     prints the pinned hashicorp/aws version and exits 0 when the stack pins 6.x (lbkit/cdktn output), else exits 1.
//   node terraform-relax-aws-provider.js relax <cdk.tf.json> <mirror version>
//     rewrites the TEMPORARY COPY in place so that the mirror's hashicorp/aws 5.x can validate and plan it, and prints
//     one line per thing it did not check. Exits 3, having rewritten nothing, when the stack uses a 6.x feature
//     that cannot be taken out without changing what the stack means (it prints which).
//
// What the relaxed check covers: every resource and argument hashicorp/aws 6.x shares with 5.100 (all of lbkit's
// output but the 6.x-only arguments below), by 5.100's schema and plan. What it does not: 6.x's own validation and
// defaults, the 6.x-only arguments it strips (printed), and a 5.100 argument that 6.x removed (only those listed in
// REMOVED_IN_6 are caught; the spike, notes-out/cdktn-spike.md, compared the 30 provider modules lbkit uses).
'use strict';
const fs = require('fs');

/** Arguments only hashicorp/aws 6.x has, optional and additive: the copy without them is the same stack to 5.100. */
const STRIPPED_6X_ARGUMENTS = [
  { type: 'aws_lb', argument: 'health_check_logs' },
  { type: 'aws_lb_listener_rule', argument: 'transform' },
  { type: 'aws_lb_target_group_attachment', argument: 'quic_server_id' },
  { type: 'aws_lb_target_group', argument: 'target_control_port' },
];

/** Listener-rule conditions whose `values` 6.x made optional beside `regex_values`: without `values` 5.100 has no equivalent. */
const REGEX_CONDITIONS = ['host_header', 'http_header', 'path_pattern'];

/** Protocols only 6.x accepts (NLB QUIC); the listener or target group has no 5.100 meaning without them. */
const QUIC_PROTOCOLS = new Set(['QUIC', 'TCP_QUIC']);

/** Arguments 5.100 accepts and 6.x removed: a 5.100 check would pass what 6.x rejects. */
const REMOVED_IN_6 = [{ type: 'aws_eip', argument: 'vpc' }];
/** Provider endpoints 6.x removed (the services are gone). */
const REMOVED_ENDPOINTS_IN_6 = ['iotanalytics', 'iotevents', 'lookoutmetrics', 'opsworks', 'sdb', 'simpledb', 'worklink'];

/** The major version of a required_providers constraint such as "6.66.0" or "~> 6.0" (undefined when there is none). */
function majorOf(constraint) {
  const m = /(\d+)(?:\.\d+)*/.exec(String(constraint ?? ''));
  return m ? Number(m[1]) : undefined;
}

function pinnedAws(tf) {
  return tf.terraform?.required_providers?.aws?.version;
}

/** Terraform JSON writes a block as an object or a list of them. */
function blocks(value) {
  return value === undefined ? [] : [].concat(value);
}

/** Resources and data sources as [address, body] pairs, e.g. ["aws_lb.Api_LoadBalancer_1A2B", {...}]. */
function* resources(tf) {
  for (const [kind, prefix] of [['resource', ''], ['data', 'data.']]) {
    for (const [type, byName] of Object.entries(tf[kind] ?? {})) {
      for (const [name, body] of Object.entries(byName ?? {})) yield { type, address: `${prefix}${type}.${name}`, body };
    }
  }
}

/** What cannot be stripped: each entry is "<path>: <why>". */
function refusals(tf) {
  const out = [];
  for (const { type, address, body } of resources(tf)) {
    for (const removed of REMOVED_IN_6) {
      if (type === removed.type && body[removed.argument] !== undefined) {
        out.push(`${address}.${removed.argument}: hashicorp/aws 6.x removed it, so 5.100 would pass what 6.x rejects`);
      }
    }
    if ((type === 'aws_lb_listener' || type === 'aws_lb_target_group') && QUIC_PROTOCOLS.has(body.protocol)) {
      out.push(`${address}.protocol = ${body.protocol}: a 6.x-only protocol (NLB QUIC)`);
    }
    const actions = type === 'aws_lb_listener' ? ['default_action'] : type === 'aws_lb_listener_rule' ? ['action'] : [];
    for (const key of actions) {
      blocks(body[key]).forEach((action, i) => {
        if (action.type === 'jwt-validation' || action.jwt_validation !== undefined) {
          out.push(`${address}.${key}[${i}]: a jwt-validation action (6.x only; the ${type} has no 5.100 meaning without it)`);
        }
      });
    }
    if (type === 'aws_lb_listener_rule') {
      blocks(body.condition).forEach((condition, i) => {
        for (const field of REGEX_CONDITIONS) {
          for (const c of blocks(condition[field])) {
            if (c.regex_values !== undefined) out.push(`${address}.condition[${i}].${field}.regex_values: a regex condition (6.x only; 5.100 requires values)`);
          }
        }
      });
    }
  }
  for (const provider of blocks(tf.provider?.aws)) {
    for (const endpoints of blocks(provider.endpoints)) {
      for (const service of REMOVED_ENDPOINTS_IN_6.filter((s) => endpoints[s] !== undefined)) {
        out.push(`provider.aws${provider.alias ? `.${provider.alias}` : ''}.endpoints.${service}: hashicorp/aws 6.x removed it`);
      }
    }
  }
  return out;
}

/** Removes the 6.x-only arguments from `tf` in place; returns their paths. */
function strip(tf) {
  const removed = [];
  const take = (body, key, path) => {
    if (body[key] === undefined) return;
    delete body[key];
    removed.push(path);
  };
  for (const { type, address, body } of resources(tf)) {
    for (const s of STRIPPED_6X_ARGUMENTS.filter((a) => a.type === type)) take(body, s.argument, `${address}.${s.argument}`);
    // hashicorp/aws 6.x's per-resource region (resources and data sources; the provider's own region is kept).
    take(body, 'region', `${address}.region`);
    if (type === 'aws_lb_listener_rule') {
      blocks(body.condition).forEach((condition, i) => {
        for (const c of blocks(condition.source_ip)) take(c, 'ip_address_type', `${address}.condition[${i}].source_ip.ip_address_type`);
      });
    }
  }
  return removed;
}

function main([mode, file, mirrorVersion]) {
  const tf = JSON.parse(fs.readFileSync(file, 'utf8'));
  const pinned = pinnedAws(tf);
  if (mode === 'pins-6x') {
    if (majorOf(pinned) !== undefined && majorOf(pinned) >= 6) { console.log(pinned); return 0; }
    return 1;
  }
  if (mode !== 'relax' || !mirrorVersion) throw new Error(`usage: ${process.argv[1]} pins-6x <file> | relax <file> <mirror version>`);
  const refused = refusals(tf);
  if (refused.length) {
    for (const r of refused) console.log(`refused: ${r}`);
    return 3;
  }
  tf.terraform.required_providers.aws.version = mirrorVersion;
  const removed = strip(tf);
  fs.writeFileSync(file, JSON.stringify(tf, null, 2) + '\n');
  console.log(`relaxed: terraform.required_providers.aws.version ${pinned} -> ${mirrorVersion} (6.x semantics and defaults not checked)`);
  for (const path of removed) console.log(`not checked: ${path} (hashicorp/aws 6.x only; removed from the temporary copy)`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
