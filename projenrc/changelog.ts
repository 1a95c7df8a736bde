import { execFileSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';

// CHANGELOG.md keeps, newest first: an "Unreleased" section (what the next release will say, generated from the
// conventional commits since the last release tag), the released versions' notes, and the history from before
// conventional commits at the bottom.
//
//   unreleased  — after `projen bump`: dist/changelog.md's notes become the "## Unreleased" section.
//   release     — before `projen publish:git` prepends dist/changelog.md: the "## Unreleased" section goes.

const CHANGELOG = 'CHANGELOG.md';
const UNRELEASED = /^## Unreleased\n[\s\S]*?(?=^## )/m;

function withoutUnreleased(text: string): string {
  return text.replace(UNRELEASED, '').trimStart();
}

function tagExists(tag: string): boolean {
  try {
    execFileSync('git', ['rev-parse', '--quiet', '--verify', `refs/tags/${tag}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function unreleased(): void {
  const rest = existsSync(CHANGELOG) ? withoutUnreleased(readFileSync(CHANGELOG, 'utf8')) : '';
  // With nothing releasable since the last tag, bump regenerates that release's notes: nothing is unreleased.
  if (tagExists(readFileSync('dist/releasetag.txt', 'utf8').trim())) {
    writeFileSync(CHANGELOG, rest);
    return;
  }
  const notes = readFileSync('dist/changelog.md', 'utf8').trim();
  // commit-and-tag-version titles the notes "## <version> (<date>)" (or "## [<version>](compare link) (<date>)").
  const body = notes.replace(/^##? \[?\d+\.\d+\.\d+[^\n]*\n/, '').trim();
  const section = `## Unreleased\n\n${body || '(no features, fixes or performance changes since the last release)'}\n\n`;
  writeFileSync(CHANGELOG, section + rest);
}

function release(): void {
  writeFileSync(CHANGELOG, withoutUnreleased(readFileSync(CHANGELOG, 'utf8')));
}

const command = process.argv[2];
if (command === 'unreleased') unreleased();
else if (command === 'release') release();
else throw new Error(`projenrc/changelog.ts: unknown command ${JSON.stringify(command)} (expected unreleased or release)`);
