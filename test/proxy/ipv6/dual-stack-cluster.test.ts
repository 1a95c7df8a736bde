import { mkdtempSync, rmSync } from 'fs';
import * as https from 'https';
import { tmpdir } from 'os';
import { join } from 'path';
import { IpAddressType } from '../../../src/core/options/enums';
import type * as Cluster from '../../../src/proxy/cluster';
import { compiledOrSource } from '../../support/compiled';
import { CERT_ARN_1, ENGINES } from '../../support/engines';
import { Harness } from '../http/harness';

const { startProxyCluster } = compiledOrSource<typeof Cluster>('proxy/cluster');

/** One request on a connection of its own to host:port. */
function get(host: string, port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host, port, path, agent: false, rejectUnauthorized: false, headers: { host: 'api.example.com' } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

// The workers of a cluster share the ::1 listening socket as they share 127.0.0.1's (one engine:
// starting worker processes is the slow part, and the model is the same on both).
test('a dual-stack ALB served by a cluster answers on [::1] and 127.0.0.1 at the same port', async () => {
  const h = new Harness();
  const caDir = mkdtempSync(join(tmpdir(), 'lbkit-ipv6-cluster-ca-'));
  const model = ENGINES[0].synth({
    certificateArns: [CERT_ARN_1], waf: { enabled: false }, ipAddressType: IpAddressType.DUALSTACK, routes: [{ name: 'api', paths: ['/api/*'] }],
  }).model;
  const a = await h.backend('a');
  const cluster = await startProxyCluster({
    model,
    targets: { api: [a.endpoint] },
    listenerPorts: { 443: 0 },
    timeScale: 100,
    tls: { certificates: model.certificates, domains: ['api.example.com'], caDir },
    workers: 2,
  });
  try {
    const port = cluster.listeners.find((l) => l.port === 443)!.localPort;
    for (const host of ['::1', '127.0.0.1', '::1', '::1']) {
      const res = await get(host, port, '/api/x');
      expect([host, res.status, JSON.parse(res.body).id]).toEqual([host, 200, 'a']);
    }
  } finally {
    await cluster.close();
    await h.close();
    rmSync(caDir, { recursive: true, force: true });
  }
});
