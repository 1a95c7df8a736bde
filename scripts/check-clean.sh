#!/usr/bin/env bash
# Fails when the build changed tracked files or left new ones: a stale API.md, projen files
# out of sync with .projenrc.ts, a snapshot or lint fix that was not committed.
set -euo pipefail
changes=$(git status --porcelain --untracked-files=all)
if [ -n "$changes" ]; then
  echo "check-clean: the build changed files that should be committed (stale API.md, projen output, snapshots or lint fixes):" >&2
  echo "$changes" >&2
  git --no-pager diff --stat >&2 || true
  exit 1
fi
echo "check-clean: generated files (API.md, projen output, snapshots) are in sync"
