import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { fileVersions, pollForChanges } from '../../src/cli/file-versions';

// lbkit serve --watch: the versions are taken before the file is read, so a change written while the
// proxy starts — before the first poll — is still a change (fs.watchFile's first look came too late).
const dir = mkdtempSync(join(tmpdir(), 'lbkit-file-versions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a change written before the first poll is reported once', async () => {
  const file = join(dir, 'early.json');
  writeFileSync(file, '{}');
  const versions = fileVersions([file]);
  writeFileSync(file, '{"changed":true}');
  let changes = 0;
  const stop = pollForChanges(versions, () => { changes++; }, 20);
  await sleep(200);
  stop();
  expect(changes).toBe(1);
});

test('no change, no call; a later change is reported; stop ends the polling', async () => {
  const file = join(dir, 'later.json');
  writeFileSync(file, '{}');
  let changes = 0;
  const stop = pollForChanges(fileVersions([file]), () => { changes++; }, 20);
  await sleep(120);
  expect(changes).toBe(0);
  writeFileSync(file, '{"a":1}');
  await sleep(120);
  expect(changes).toBe(1);
  stop();
  writeFileSync(file, '{"a":22}');
  await sleep(120);
  expect(changes).toBe(1);
});

test('a file that goes away is a change (the reload then says it cannot be read)', async () => {
  const file = join(dir, 'gone.json');
  writeFileSync(file, '{}');
  let changes = 0;
  const stop = pollForChanges(fileVersions([file]), () => { changes++; }, 20);
  rmSync(file);
  await sleep(150);
  stop();
  expect(changes).toBe(1);
});
