import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { callWithCertificate, clientCas, VERIFY_S3, withMutualTls } from './mtls-support';
import type * as Cluster from '../../../src/proxy/cluster';
import { ProxyHandle } from '../../../src/proxy/server';
import { compiledOrSource } from '../../support/compiled';
import { CERT_ARN_1, ENGINES } from '../../support/engines';
import { Harness } from '../http/harness';

const { startProxyCluster } = compiledOrSource<typeof Cluster>('proxy/cluster');

// `lbkit serve --workers`: every worker process gets the trust store (PEM text in its spec) and checks client certificates.
test('a cluster\'s workers verify client certificates against the trust store they were given', async () => {
  const h = new Harness();
  const cas = clientCas();
  const caDir = mkdtempSync(join(tmpdir(), 'lbkit-mtls-cluster-ca-'));
  const model = withMutualTls(ENGINES[0].synth({ certificateArns: [CERT_ARN_1], waf: { enabled: false }, routes: [{ name: 'api', paths: ['/api/*'] }] }).model, VERIFY_S3);
  let cluster: Cluster.ProxyClusterHandle | undefined;
  try {
    cluster = await startProxyCluster({
      model,
      targets: { api: [(await h.backend('a')).endpoint] },
      listenerPorts: { 443: 0 },
      timeScale: 100,
      tls: { certificates: model.certificates, domains: ['api.example.com'], caDir },
      trustStores: { 443: { caBundlePem: cas.trusted.certPem } },
      workers: 2,
    });
    const handle = cluster as unknown as ProxyHandle;
    const alice = cas.trusted.issueClientCertificate('alice');
    // Several connections: node:cluster hands them to both workers in turn.
    for (let i = 0; i < 4; i++) {
      const r = await callWithCertificate(handle, alice);
      expect(r.status).toBe(200);
      expect(r.seen!.headers['x-amzn-mtls-clientcert-serial-number']).toBe(alice.serialNumber);
      expect((await callWithCertificate(handle)).error).toBeDefined();
    }
  } finally {
    await cluster?.close();
    await h.close();
    cas.remove();
    rmSync(caDir, { recursive: true, force: true });
  }
}, 60_000);
