// The game-server tour: the example's network load balancer served on the local proxy with L4 demo
// backends from lbkit/health: TCP health checks, source-IP affinity for the game, UDP voice flows,
// MQTT over TLS terminated with the local CA, proxy protocol v2 on the passthrough listener, a dead
// game server taken out, and draining that closes what is left when the delay ends.
import { createSocket } from 'dgram';
import { readFileSync } from 'fs';
import { connect as tcpConnect, Socket } from 'net';
import { connect as tlsConnect } from 'tls';
import { serve, ServeSession } from '../src/cli/serve';
import { startTcpDemoBackend, startUdpDemoBackend, TcpDemoBackend, UdpDemoBackend } from '../src/health';

const TIME_SCALE = 50; // health checks every 0.3 s instead of 15 s
const DRAIN_TIME_SCALE = 1000; // the game's 3600 s of draining in 3.6 s

interface Step { readonly title: string; readonly ok: boolean; readonly detail: string }
export interface NlbTourResult { readonly steps: Step[]; readonly ok: boolean }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One line over a fresh TCP connection from `from` (a loopback address): the reply line. */
function askTcp(port: number, line: string, from = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: '127.0.0.1', port, localAddress: from });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${line}\n`));
    socket.on('data', (d) => {
      data += d;
      if (data.includes('\n')) { socket.end(); resolve(data.trim()); }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(data.trim()));
    socket.setTimeout(2000, () => socket.destroy(new Error('no answer within 2 s')));
  });
}

/** Datagrams from one UDP socket (one flow): the replies. */
async function askUdp(port: number, payloads: readonly string[]): Promise<string[]> {
  const socket = createSocket('udp4');
  const replies: string[] = [];
  socket.on('message', (m) => replies.push(m.toString('utf8')));
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  for (const p of payloads) {
    socket.send(p, port, '127.0.0.1');
    await sleep(20);
  }
  const end = Date.now() + 1000;
  while (replies.length < payloads.length && Date.now() < end) await sleep(10);
  socket.close();
  return replies;
}

const servedBy = (reply: string) => reply.split(' ')[0];

/** Serves `file` (CloudFormation or Terraform output of the game-server example) and runs the tour. */
export async function runNlbTour(file: string, print: (line: string) => void): Promise<NlbTourResult> {
  const silent = { out: () => undefined, err: (s: string) => print(s.trimEnd()) };
  const steps: Step[] = [];
  const step = (title: string, ok: boolean, detail: string) => {
    steps.push({ title, ok, detail });
    print(`  ${ok ? '✓' : '✗'} ${title}\n      ${detail}`);
  };
  const tcp: TcpDemoBackend[] = [];
  const udp: UdpDemoBackend[] = [];
  let session: ServeSession | undefined;
  try {
    // Each game host runs the game (TCP 7777) and voice (UDP 7778) on its own loopback address, as in
    // the example: the voice target group health-checks TCP 7777 on the voice target's address.
    const game = [await startTcpDemoBackend({ name: 'game-1', host: '127.0.0.11', port: 7777 }),
      await startTcpDemoBackend({ name: 'game-2', host: '127.0.0.12', port: 7777 })];
    const voice = [await startUdpDemoBackend({ name: 'voice-1', host: '127.0.0.11', port: 7778 }),
      await startUdpDemoBackend({ name: 'voice-2', host: '127.0.0.12', port: 7778 })];
    const mqtt = await startTcpDemoBackend({ name: 'mqtt-1' });
    const mtls = await startTcpDemoBackend({ name: 'mqtt-mtls-1', proxyProtocol: true });
    tcp.push(...game, mqtt, mtls);
    udp.push(...voice);
    const targets = [...game.map((b) => `game=${b.address}`), ...voice.map((b) => `voice=${b.address}`), `mqtt=${mqtt.address}`, `mqtt-mtls=${mtls.address}`];
    session = await serve(file, {
      target: targets, port: ['7777=0', '7778=0', '8883=0', '8884=0'], timeScale: String(TIME_SCALE), logLevel: 'error',
    }, silent);
    const lb = session.handle!;
    const local = (port: number) => lb.listeners.find((l) => l.port === port)!.localPort;
    print(`  serving ${lb.listeners.map((l) => `${l.protocol} ${l.port} → 127.0.0.1:${l.localPort}`).join(', ')}, time scale ×${TIME_SCALE}`);

    const healthy = async (want: Record<string, number>, timeoutMs: number) => {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const h = lb.targetHealth();
        if (Object.entries(want).every(([g, n]) => h.find((x) => x.targetGroup === g)?.targets.filter((t) => t.state === 'healthy').length === n)) return true;
        await sleep(50);
      }
      return false;
    };
    const ready = await healthy({ 'game': 2, 'voice': 2, 'mqtt': 1, 'mqtt-mtls': 1 }, 10_000);
    step('TCP health checks bring every target in (voice is checked on TCP 7777 of its host)', ready,
      lb.targetHealth().map((g) => `${g.targetGroup}: ${g.targets.map((t) => t.state).join('/')}`).join(', '));

    const byClient: Record<string, Set<string>> = {};
    for (const client of ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7']) {
      byClient[client] = new Set();
      for (let i = 0; i < 5; i++) byClient[client].add(servedBy(await askTcp(local(7777), 'join', client)));
    }
    const sticky = Object.values(byClient).every((s) => s.size === 1);
    step('source-IP affinity: each player address keeps its game server across connections', sticky,
      Object.entries(byClient).map(([c, s]) => `${c} → ${[...s].join('/')}`).join(', ') + ' (5 connections each)');

    const replies = await askUdp(local(7778), ['hello', 'still here', 'bye']);
    step('UDP voice: one flow, one target, replies come back', replies.length === 3 && new Set(replies.map(servedBy)).size === 1,
      `3 datagrams → ${replies.join(' | ') || 'no reply'}`);

    const ca = readFileSync(session.tls!.ca.certFile, 'utf8');
    const tlsReply = await new Promise<string>((resolve, reject) => {
      const s = tlsConnect({ host: '127.0.0.1', port: local(8883), servername: 'mqtt.example.com', ca }, () => s.write('CONNECT\n'));
      let data = '';
      s.setEncoding('utf8');
      s.on('data', (d) => { data += d; if (data.includes('\n')) { s.end(); resolve(`${data.trim()} (TLS ${s.getProtocol()})`); } });
      s.on('error', reject);
    });
    step('MQTT over TLS: terminated with the local CA\'s certificate for mqtt.example.com, plaintext to the broker',
      tlsReply.startsWith('mqtt-1 CONNECT'), `tls 8883 → ${tlsReply}`);

    const mtlsReply = await askTcp(local(8884), 'CONNECT', '127.0.0.8');
    const seen = mtls.sources.at(-1);
    step('proxy protocol v2 on the passthrough listener: the broker learns the client\'s address',
      mtlsReply.startsWith('mqtt-mtls-1') && seen?.address === '127.0.0.8',
      `client 127.0.0.8 → ${mtlsReply}; PROXY v2 header at the broker: ${seen ? `${seen.address}:${seen.port}` : 'none'}`);

    const [first, second] = game;
    const playersOfFirst = Object.entries(byClient).filter(([, s]) => s.has(first.name)).map(([c]) => c);
    await first.down();
    const out = await healthy({ game: 1 }, 10_000);
    const moved = await Promise.all(playersOfFirst.map(async (c) => servedBy(await askTcp(local(7777), 'rejoin', c))));
    step('a dead game server fails its TCP checks and its players move to the healthy one',
      out && moved.every((n) => n === second.name),
      `${first.name} down → ${out ? 'unhealthy after 3 failed connects' : 'still not unhealthy'}; its players ${playersOfFirst.join(', ') || '(none)'} now on ${[...new Set(moved)].join(', ') || '—'}`);
    await first.up();
    await session.close();
    session = undefined;

    // Draining with connection termination, at a faster time scale so the hour ends in seconds.
    session = await serve(file, { target: targets, port: ['7777=0', '7778=0', '8883=0', '8884=0'], timeScale: String(DRAIN_TIME_SCALE), logLevel: 'error' }, silent);
    const drainLb = session.handle!;
    const gamePort = drainLb.listeners.find((l) => l.port === 7777)!.localPort;
    await sleep(300);
    const socket: Socket = tcpConnect({ host: '127.0.0.1', port: gamePort, localAddress: '127.0.0.9' });
    let target = '';
    socket.setEncoding('utf8');
    let ending = '';
    socket.on('error', (e: NodeJS.ErrnoException) => { ending = e.code ?? e.message; }); // a reset when the delay ends
    socket.on('data', (d: string) => { if (!target) target = servedBy(d); });
    await new Promise<void>((r) => socket.once('connect', () => { socket.write('join\n'); r(); }));
    while (!target) await sleep(10);
    const closedAt = new Promise<number>((r) => socket.once('close', () => r(Date.now())));
    const started = Date.now();
    const drained = drainLb.deregister('game', (target === first.name ? first : second).address);
    // The player keeps talking: the NLB's 350 s TCP idle timeout is 0.35 s at this scale.
    const talking = setInterval(() => { if (socket.writable) socket.write('still playing\n'); }, 50);
    await sleep(200);
    const during = drainLb.targetHealth().find((g) => g.targetGroup === 'game')!.targets.find((t) => t.state === 'draining');
    const newPlayer = servedBy(await askTcp(gamePort, 'join', '127.0.0.9'));
    const closed = await Promise.race([closedAt, sleep(8000).then(() => 0)]);
    clearInterval(talking);
    await drained;
    const seconds = closed ? (closed - started) / 1000 : 0;
    step('draining: no new connections to the deregistered server; the open one lives until 3600 s (scaled), then is closed',
      !!during && newPlayer !== target && closed > 0 && seconds >= 3.0,
      `${target} draining; a new connection from the same player went to ${newPlayer}; the open connection was closed${ending ? ` (${ending})` : ''} after ${seconds.toFixed(1)} s (3600 s at ×${DRAIN_TIME_SCALE})`);
    socket.destroy();
  } finally {
    await session?.close();
    await Promise.all([...tcp.map((b) => b.close()), ...udp.map((b) => b.close())]);
  }
  return { steps, ok: steps.length > 0 && steps.every((s) => s.ok) };
}
