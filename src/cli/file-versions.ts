import { stat, statSync } from 'fs';

/** A file as last seen: its modification time and size (zero for a file that is not there, as fs.watchFile reports). */
export interface FileVersion {
  readonly path: string;
  readonly mtimeMs: number;
  readonly size: number;
}

const ABSENT = { mtimeMs: 0, size: 0 };

/**
 * What each file is now, read synchronously. Taken before the files are read, so a change written while
 * they load and the proxy starts is still seen as a change (fs.watchFile takes its first look
 * asynchronously, after the caller returns, and misses such a change).
 */
export function fileVersions(paths: readonly string[]): FileVersion[] {
  return paths.map((path) => {
    try {
      const { mtimeMs, size } = statSync(path);
      return { path, mtimeMs, size };
    } catch {
      return { path, ...ABSENT };
    }
  });
}

/**
 * Looks at the files every `intervalMs` and calls `onChange` once for each look in which any of them
 * differs (time or size) from the version seen before. Returns `stop`.
 */
export function pollForChanges(versions: readonly FileVersion[], onChange: () => void, intervalMs = 250): () => void {
  let seen = [...versions];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const look = async (): Promise<void> => {
    const now = await Promise.all(seen.map((v) => new Promise<FileVersion>((resolve) => {
      stat(v.path, (err, s) => resolve(err ? { path: v.path, ...ABSENT } : { path: v.path, mtimeMs: s.mtimeMs, size: s.size }));
    })));
    if (stopped) return;
    const changed = now.some((v, i) => v.mtimeMs !== seen[i].mtimeMs || v.size !== seen[i].size);
    seen = now;
    if (changed) onChange();
    timer = setTimeout(() => void look(), intervalMs);
  };
  timer = setTimeout(() => void look(), intervalMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
