#!/usr/bin/env bash
# terraform init/validate/plan, offline, on synthesized cdktf (and cdktn) stacks.
#
#   scripts/terraform-check.sh [--relax-aws-provider] [--validate-only] <stack-dir>...   (e.g. cdktf.out/stacks/web-api)
#
# --relax-aws-provider: for stacks that pin hashicorp/aws 6.x (lbkit/cdktn output; the local mirror holds only
#   5.100.0). Their temporary copy pins the mirror's 5.100.0 instead, and 6.x-only arguments are removed from it, each
#   printed as "not checked: <path>" (health_check_logs, listener-rule transform, quic_server_id, target_control_port,
#   per-resource region). A stack using a 6.x feature without which it means something else (a jwt-validation action,
#   QUIC protocols, regex conditions) or a 5.100 argument 6.x removed is REFUSED: reported, not checked, and failed.
#   What passes is checked by 5.100's schema and plan, never by 6.x's (scripts/terraform-relax-aws-provider.js).
#   Stacks that pin 5.x are checked exactly as without the flag. Without it, a 6.x stack fails at once, saying so.
# --validate-only: init and validate, no plan (the plan is most of the time of a check).
# --print-mirror: print the mirror directory found and exit (finding it searches / for some seconds: a caller that
#   runs several checks finds it once and passes it as LBKIT_TF_PLUGIN_DIR).
#
# Each stack dir is copied to a temporary directory together with an override file that
# adds the AWS provider's skip flags, so the example itself stays a normal user stack. Then
#   terraform init -plugin-dir=<local provider mirror>   (keeps the local backend cdktf writes;
#                                                          its state file lands in the temp dir)
#   terraform validate
#   terraform plan -refresh=false -lock=false -input=false
# run with fake credentials and the instance metadata service disabled: nothing reaches AWS.
# The mirror is $LBKIT_TF_PLUGIN_DIR, or the directory holding registry.terraform.io/ found
# by looking for terraform-provider-aws_v5.100.0 (the version @cdktf/provider-aws 20.1.0 binds).
set -euo pipefail

relax_aws_provider=0
validate_only=0
print_mirror=0
while [ "$#" -gt 0 ]; do
  case "$1" in
    --relax-aws-provider) relax_aws_provider=1; shift ;;
    --validate-only) validate_only=1; shift ;;
    --print-mirror) print_mirror=1; shift ;;
    *) break ;;
  esac
done
if [ "$#" -eq 0 ] && [ "$print_mirror" -eq 0 ]; then
  echo "usage: $0 [--relax-aws-provider] [--validate-only] <synthesized stack dir>... | --print-mirror" >&2
  exit 2
fi
# The version scripts/terraform-relax-aws-provider.js pins in a relaxed copy: the mirror's (find_mirror below).
readonly MIRROR_AWS_VERSION=5.100.0
relax_script="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/terraform-relax-aws-provider.js"
# projen's built-in task shell passes globs under a dot-directory (.demo-out/cdktf/*/stacks/*)
# through unexpanded: expand such arguments here (an argument that matches nothing stays as is).
stack_dirs=()
for arg in "$@"; do
  if [[ "$arg" == *[*?[]* ]]; then
    mapfile -t matches < <(compgen -G "$arg" | sort)
    if [ "${#matches[@]}" -gt 0 ]; then stack_dirs+=("${matches[@]}"); continue; fi
  fi
  stack_dirs+=("$arg")
done
set -- ${stack_dirs[@]+"${stack_dirs[@]}"}
command -v terraform >/dev/null || { echo "terraform-check: terraform is not on PATH" >&2; exit 1; }

find_mirror() {
  if [ -n "${LBKIT_TF_PLUGIN_DIR:-}" ]; then
    echo "$LBKIT_TF_PLUGIN_DIR"
    return
  fi
  local binary
  binary=$(find / -path /proc -prune -o -name "terraform-provider-aws_v${MIRROR_AWS_VERSION}*" -print 2>/dev/null | head -n 1)
  [ -n "$binary" ] || return 1
  # <mirror>/registry.terraform.io/hashicorp/aws/5.100.0/<os_arch>/terraform-provider-aws_v5.100.0_x5
  local dir
  dir=$(dirname "$binary")
  while [ "$dir" != "/" ] && [ "$(basename "$dir")" != "registry.terraform.io" ]; do dir=$(dirname "$dir"); done
  [ "$dir" != "/" ] || return 1
  dirname "$dir"
}

mirror=$(find_mirror) || { echo "terraform-check: no local mirror of the AWS provider $MIRROR_AWS_VERSION (set LBKIT_TF_PLUGIN_DIR)" >&2; exit 1; }
[ -d "$mirror/registry.terraform.io/hashicorp/aws" ] || { echo "terraform-check: $mirror holds no registry.terraform.io/hashicorp/aws" >&2; exit 1; }
if [ "$print_mirror" -eq 1 ]; then echo "$mirror"; exit 0; fi

# Offline and credential-free: fake keys, no metadata service, no shared config, no checkpoint calls.
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_EC2_METADATA_DISABLED=true
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
unset AWS_PROFILE AWS_SESSION_TOKEN
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0
# A CLI config that points nowhere (e.g. a missing ~/.terraformrc) only adds noise.
if [ -n "${TF_CLI_CONFIG_FILE:-}" ] && [ ! -f "$TF_CLI_CONFIG_FILE" ]; then unset TF_CLI_CONFIG_FILE; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lbkit-tf-check.XXXXXX")
trap 'rm -rf "$work"' EXIT

failed=0
for stack_dir in "$@"; do
  stack=$(basename "$stack_dir")
  if [ ! -f "$stack_dir/cdk.tf.json" ]; then
    echo "terraform-check: FAILED $stack: $stack_dir/cdk.tf.json not found (synthesize first)" >&2
    failed=1
    continue
  fi
  dir="$work/$stack"
  mkdir -p "$dir"
  cp "$stack_dir/cdk.tf.json" "$dir/"
  relaxed=""
  if pinned=$(node "$relax_script" pins-6x "$dir/cdk.tf.json"); then
    if [ "$relax_aws_provider" -eq 0 ]; then
      echo "terraform-check: FAILED $stack: it pins hashicorp/aws $pinned and the mirror holds $MIRROR_AWS_VERSION; for lbkit/cdktn output run with --relax-aws-provider (it says what it does not check)" >&2
      failed=1
      continue
    fi
    if ! relax_log=$(node "$relax_script" relax "$dir/cdk.tf.json" "$MIRROR_AWS_VERSION"); then
      echo "$relax_log" | sed "s/^refused: /terraform-check: REFUSED $stack: /" >&2
      echo "terraform-check: FAILED $stack: uses hashicorp/aws 6.x features the mirror's $MIRROR_AWS_VERSION cannot check (REFUSED above); this stack is not checked" >&2
      failed=1
      continue
    fi
    echo "$relax_log" | sed "s/^/terraform-check: $stack: /"
    unchecked=$(grep -c '^not checked: ' <<<"$relax_log" || true)
    relaxed="hashicorp/aws $pinned checked against $MIRROR_AWS_VERSION, $unchecked 6.x-only paths not checked; "
  fi
  # One override per AWS provider configuration: the default one and each alias (a multi-region
  # stack has a provider alias per region; an override block merges only with its own alias).
  node -e '
    const fs = require("fs");
    const [stackFile, overrideFile] = process.argv.slice(1);
    const aws = [].concat(JSON.parse(fs.readFileSync(stackFile, "utf8")).provider?.aws ?? []);
    const aliases = [...new Set(aws.map((p) => p.alias).filter((a) => a !== undefined))].sort();
    const skip = {
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      skip_region_validation: true,
    };
    // An override needs its base block: the default one only when the stack has it (or no provider block, as before).
    const hasDefault = aws.length === 0 || aws.some((p) => p.alias === undefined);
    const blocks = [...(hasDefault ? [skip] : []), ...aliases.map((alias) => ({ alias, ...skip }))];
    fs.writeFileSync(overrideFile, JSON.stringify({ provider: { aws: blocks } }, null, 2) + "\n");
  ' "$dir/cdk.tf.json" "$dir/zz_lbkit_offline_override.tf.json"
  start=$(date +%s)
  log="$work/$stack.log"
  step() {
    local name=$1
    shift
    if ! (cd "$dir" && "$@") >"$log" 2>&1; then
      cat "$log" >&2
      echo "terraform-check: FAILED $stack: terraform $name" >&2
      return 1
    fi
  }
  if step init terraform init -plugin-dir="$mirror" -no-color \
    && step validate terraform validate -no-color \
    && { [ "$validate_only" -eq 1 ] || step plan terraform plan -refresh=false -lock=false -input=false -no-color; }; then
    if [ "$validate_only" -eq 1 ]; then summary='validate only, no plan'; else summary=$(grep -E '^Plan: ' "$log" || echo 'no changes'); fi
    echo "terraform-check: ok $stack (${relaxed}$summary; $(( $(date +%s) - start )) s)"
  else
    failed=1
  fi
done
exit "$failed"
