import { request } from 'undici';
import { planWebApi } from '../../../src/core/plan/web-api-plan';
import { startAdminServer } from '../../../src/proxy/admin';
import { exporterSeriesName } from '../../../src/proxy/alarms/cloudwatch-exposition';
import { FACTS } from '../../core/fixtures';
import { Harness, healthy, until } from '../http/harness';

test.each([
  ['AWS/ApplicationELB', 'RequestCount', 'Sum', 'aws_applicationelb_request_count_sum'],
  ['AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', 'Sum', 'aws_applicationelb_httpcode_target_5_xx_count_sum'],
  ['AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', 'Sum', 'aws_applicationelb_httpcode_elb_5_xx_count_sum'],
  ['AWS/ApplicationELB', 'UnHealthyHostCount', 'Maximum', 'aws_applicationelb_un_healthy_host_count_maximum'],
  ['AWS/ApplicationELB', 'TargetResponseTime', 'p99', 'aws_applicationelb_target_response_time_p99'],
  ['AWS/NetworkELB', 'TCP_ELB_Reset_Count', 'Sum', 'aws_networkelb_tcp_elb_reset_count_sum'],
  ['AWS/NetworkELB', 'ActiveFlowCount', 'Average', 'aws_networkelb_active_flow_count_average'],
])('%s %s %s is named %s, as cloudwatch_exporter names it', (namespace, metric, statistic, expected) => {
  expect(exporterSeriesName(namespace, metric, statistic)).toBe(expected);
});

const h = new Harness();
afterEach(() => h.close());

test('GET /metrics: lbkit series, then the last period\'s CloudWatch datapoints with the exporter\'s labels; none before a period closed', async () => {
  const model = planWebApi({ waf: { enabled: false }, routes: [{ name: 'orders', paths: ['/orders/*'] }] }, FACTS).model;
  const orders = await h.backend('orders', (req, res) => { res.writeHead(req.url === '/orders/missing' ? 404 : 200); res.end(); });
  // Time scale 30: a 60 s period lasts 2 s.
  const proxy = await h.proxy(model, { orders: [orders] }, 30);
  const admin = await startAdminServer({ handle: proxy });
  try {
    const text = async () => (await request(`${admin.url}/metrics`)).body.text();
    expect(await text()).not.toContain('aws_applicationelb_');
    await healthy(proxy, 'orders');
    // Right after a period closed (the first datapoints appear), so the requests fall in one period.
    const first = proxy.cloudWatchExposition();
    await until(() => proxy.cloudWatchExposition() !== first, 6000);
    for (const path of ['/orders/a', '/orders/b', '/orders/missing', '/nowhere']) await h.call(proxy, path);
    await until(() => proxy.cloudWatchExposition().includes('aws_applicationelb_request_count_sum'), 6000);
    const body = await text();
    expect(body).toMatch(/^lbkit_requests_total\{target_group="orders"\} 3$/m);
    const lb = 'job="aws_applicationelb",instance="",load_balancer="app/Api/lbkit-local"';
    const tg = `${lb},target_group="targetgroup/orders/lbkit-local"`;
    expect(body).toContain('# TYPE aws_applicationelb_request_count_sum gauge');
    // The load balancer counts every request; /nowhere got the default fixed 404, an ELB code.
    expect(body).toContain(`aws_applicationelb_request_count_sum{${lb}} 4 `);
    expect(body).toContain(`aws_applicationelb_request_count_sum{${tg}} 3 `);
    expect(body).toContain(`aws_applicationelb_httpcode_target_2_xx_count_sum{${tg}} 2 `);
    expect(body).toContain(`aws_applicationelb_httpcode_target_4_xx_count_sum{${tg}} 1 `);
    expect(body).toContain(`aws_applicationelb_httpcode_elb_4_xx_count_sum{${lb}} 1 `);
    expect(body).toContain(`aws_applicationelb_healthy_host_count_minimum{${tg}} 1 `);
    expect(body).toMatch(new RegExp(`^aws_applicationelb_target_response_time_p99\\{${tg.replace(/[/.]/g, '\\$&')}\\} [0-9.e-]+ \\d{13}$`, 'm'));
    // No 5XX in the period: no datapoint, so no series (as the exporter leaves out a metric without one).
    expect(body).not.toContain('aws_applicationelb_httpcode_elb_5_xx_count_sum');
  } finally {
    await admin.close();
  }
}, 20_000);
