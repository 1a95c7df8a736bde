import { execFileSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';

/** The fields of /proc/<pid>/stat the bench needs: CPU time in clock ticks, and the parent. */
export interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  /** User-mode clock ticks of all the process's threads. */
  readonly utime: number;
  /** Kernel-mode clock ticks of all the process's threads. */
  readonly stime: number;
}

/**
 * Parses one /proc/<pid>/stat line. The command name (field 2) is in parentheses and may hold
 * spaces or parentheses itself, so the fields are counted from the last `)`.
 */
export function parseProcStat(text: string): ProcStat {
  const close = text.lastIndexOf(')');
  const open = text.indexOf('(');
  if (open < 0 || close < open) throw new Error(`not a /proc/<pid>/stat line: ${text.slice(0, 80)}`);
  const pid = Number(text.slice(0, open).trim());
  // After ")": state(3) ppid(4) pgrp(5) session(6) tty_nr(7) tpgid(8) flags(9) minflt(10) cminflt(11) majflt(12) cmajflt(13) utime(14) stime(15)
  const rest = text.slice(close + 1).trim().split(/\s+/);
  const field = (n: number) => Number(rest[n - 3]);
  const stat = { pid, ppid: field(4), utime: field(14), stime: field(15) };
  if (![stat.pid, stat.ppid, stat.utime, stat.stime].every(Number.isInteger)) throw new Error(`cannot read /proc/<pid>/stat: ${text.slice(0, 80)}`);
  return stat;
}

/** The stat of a live process, or undefined once it is gone. */
export function readProcStat(pid: number): ProcStat | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A process and all its live descendants (nginx workers, cluster workers), found by parent pid. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcStat(Number(name));
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(stat.pid);
    children.set(stat.ppid, list);
  }
  const out: number[] = [];
  const visit = (pid: number) => {
    out.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return out;
}

/** User + system ticks of each process, by pid (a process that is gone is left out). */
export function cpuTicks(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const stat = readProcStat(pid);
    if (stat) out.set(pid, stat.utime + stat.stime);
  }
  return out;
}

/** Ticks spent between two samples of the same processes (a process present in only one sample counts from 0). */
export function ticksBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, ticks] of after) total += ticks - (before.get(pid) ?? 0);
  return total;
}

/** Clock ticks per second (USER_HZ), as /proc counts CPU time. */
export function clockTicksPerSecond(): number {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    if (Number.isInteger(n) && n > 0) return n;
  } catch {
    // getconf missing: Linux's USER_HZ is 100 on every common architecture
  }
  return 100;
}
