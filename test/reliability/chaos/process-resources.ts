import { readdirSync, readFileSync, readlinkSync } from 'fs';

/**
 * File descriptors, sockets among them, and resident memory of a process and its descendants
 * (a cluster primary and its workers), read from /proc (Linux). Used to check that nothing
 * leaks after a chaos run: fds and sockets back to their baseline, memory back near its start.
 */

export interface ProcessResources {
  readonly pid: number;
  readonly fds: number;
  readonly sockets: number;
  /** Resident set size, bytes (VmRSS). */
  readonly rssBytes: number;
}

export interface TreeResources {
  readonly processes: readonly ProcessResources[];
  readonly fds: number;
  readonly sockets: number;
  readonly rssBytes: number;
}

/** True where /proc describes processes (Linux); elsewhere the checks are skipped, and say so. */
export function procAvailable(): boolean {
  try {
    readdirSync(`/proc/${process.pid}/fd`);
    return true;
  } catch {
    return false;
  }
}

/** One process's figures; undefined when it has exited. */
export function processResources(pid: number): ProcessResources | undefined {
  try {
    const dir = `/proc/${pid}/fd`;
    let fds = 0;
    let sockets = 0;
    for (const fd of readdirSync(dir)) {
      let link: string;
      try {
        link = readlinkSync(`${dir}/${fd}`);
      } catch {
        continue; // closed between the listing and the read
      }
      fds++;
      if (link.startsWith('socket:')) sockets++;
    }
    const rss = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { pid, fds, sockets, rssBytes: rss ? Number(rss[1]) * 1024 : 0 };
  } catch {
    return undefined;
  }
}

/** The process ids whose parent is `pid` (from /proc/<pid>/task/<tid>/children, every thread's). */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (text) children.push(...text.split(/\s+/).map(Number));
      } catch {
        // the thread ended
      }
    }
  } catch {
    // the process ended
  }
  return children;
}

/** `pid` and every descendant. */
export function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childPids(all[i]));
  return all;
}

/** The figures of `pid` and all its descendants, summed (processes that exit meanwhile are left out). */
export function treeResources(pid: number): TreeResources {
  const processes = processTree(pid).map(processResources).filter((p): p is ProcessResources => p !== undefined);
  const sum = (f: (p: ProcessResources) => number) => processes.reduce((a, p) => a + f(p), 0);
  return { processes, fds: sum((p) => p.fds), sockets: sum((p) => p.sockets), rssBytes: sum((p) => p.rssBytes) };
}

/** The socket inodes a process holds (`socket:[inode]` links), to tell which connections it serves. */
export function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]);
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    // the process ended
  }
  return inodes;
}

/** One TCP socket of a process: ports and the kernel's state (hex, as /proc/net/tcp writes it: 01 established, 0A listen, ...). */
export interface TcpSocket {
  readonly localPort: number;
  readonly remotePort: number;
  readonly state: string;
  /** The socket's inode, as /proc/<pid>/fd links name it. */
  readonly inode: string;
}

/** The TCP sockets (IPv4 and IPv6) a process holds, from /proc/<pid>/net/tcp{,6} matched by inode. */
export function tcpSockets(pid: number): TcpSocket[] {
  return tcpSocketsOf(pid, socketInodes(pid));
}

/** The TCP sockets among `inodes`, from the tables /proc/<pid>/net/tcp{,6} list (the whole network namespace's). */
function tcpSocketsOf(pid: number, inodes: ReadonlySet<string>): TcpSocket[] {
  const sockets: TcpSocket[] = [];
  for (const file of [`/proc/${pid}/net/tcp`, `/proc/${pid}/net/tcp6`]) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      if (cols.length < 10 || !inodes.has(cols[9])) continue;
      const port = (address: string) => parseInt(address.split(':')[1], 16);
      sockets.push({ localPort: port(cols[1]), remotePort: port(cols[2]), state: cols[3], inode: cols[9] });
    }
  }
  return sockets;
}

/**
 * The remote ports of the TCP connections (IPv4 and IPv6) a process holds, from /proc/net/tcp{,6}
 * matched by inode, only those on `localPort` when given: for a server, its clients' ports on
 * that listener, so a client that knows its own local port can tell which process served it.
 */
export function tcpPeerPorts(pid: number, localPort?: number): Set<number> {
  return new Set(tcpSockets(pid).filter((t) => t.state !== '0A' && (localPort === undefined || t.localPort === localPort)).map((t) => t.remotePort));
}

/**
 * The client ports of the connections each process holds on `localPort`: one read of the TCP tables
 * for all of them (each table lists every socket on the machine, thousands under load).
 */
export function peerPortsByProcess(pids: readonly number[], localPort: number): Map<number, Set<number>> {
  const inodes = new Map(pids.map((pid) => [pid, socketInodes(pid)]));
  const all = new Set(pids.flatMap((pid) => [...inodes.get(pid)!]));
  const owner = new Map<string, number>();
  for (const [pid, own] of inodes) for (const inode of own) owner.set(inode, pid);
  const byProcess = new Map<number, Set<number>>(pids.map((pid) => [pid, new Set<number>()]));
  if (pids.length === 0) return byProcess;
  for (const socket of tcpSocketsOf(pids[0], all)) {
    if (socket.state === '0A' || socket.localPort !== localPort) continue;
    byProcess.get(owner.get(socket.inode)!)!.add(socket.remotePort);
  }
  return byProcess;
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
