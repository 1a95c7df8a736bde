import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseJsonText, readJsonFile } from '../../src/readers/read-json-file';

class CallersError extends Error {}
const errorOf = (message: string) => new CallersError(message);

/** The caller's error thrown by fn, one line (fails otherwise). */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CallersError);
    expect((e as Error).message).not.toMatch(/\n/);
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('readJsonFile: one-line errors of the caller\'s own class', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-json-'));

  test('parses a file', () => {
    writeFileSync(join(dir, 'ok.json'), '{"a": [1]}');
    expect(readJsonFile(join(dir, 'ok.json'), errorOf)).toEqual({ a: [1] });
  });

  test('a missing file, a directory, text that is not JSON', () => {
    expect(thrown(() => readJsonFile(join(dir, 'none.json'), errorOf))).toBe(`${join(dir, 'none.json')}: cannot read (no such file)`);
    expect(thrown(() => readJsonFile(dir, errorOf))).toBe(`${dir}: cannot read (is a directory)`);
    writeFileSync(join(dir, 'bad.json'), '');
    expect(thrown(() => readJsonFile(join(dir, 'bad.json'), errorOf))).toBe(`${join(dir, 'bad.json')}: not JSON (Unexpected end of JSON input)`);
  });

  test('parseJsonText names its source', () => {
    expect(thrown(() => parseJsonText('{', 'synthesized JSON', errorOf))).toMatch(/^synthesized JSON: not JSON \(/);
  });
});
