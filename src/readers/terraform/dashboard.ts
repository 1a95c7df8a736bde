import { DASHBOARD_TAG } from '../../core/contract';
import { parseDashboardBody } from '../../core/plan/dashboard-body';
import { LbkitConfigError } from '../errors';
import { DashboardPart } from '../parts';
import { ResourceMapping } from '../registry';
import { isObject } from '../values';
import { TfConfig } from './config';
import { markInterpolations } from './template-interpolations';

/**
 * aws_cloudwatch_dashboard, lbkit's (see the mark below): its body parsed by core's one dashboard
 * translation. The body is a JSON string with Terraform interpolations in it
 * (`${aws_lb.x.arn_suffix}`): they are marked, the JSON is parsed, and each dimension value is then
 * read like any other Terraform value (a link to the resource it interpolates, or REFERENCE).
 */
export const awsCloudwatchDashboardMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_cloudwatch_dashboard'],
  read: (id, b, doc) => {
    const where = `dashboard ${id}`;
    // cdktf writes a "//" comment on every resource; lbkit's dashboard carries DASHBOARD_TAG in it. A
    // dashboard whose comment lacks it is the user's own (perhaps of the same metrics): left alone.
    // Without any comment (cdktf's Testing.synth strips them) a dashboard is read by what it measures.
    const comment = b['//'];
    if (isObject(comment) && comment[DASHBOARD_TAG] === undefined) return [];
    if (typeof b.dashboard_body !== 'string') {
      throw new LbkitConfigError(`${where}: dashboard_body is not a string (received: ${JSON.stringify(b.dashboard_body)})`);
    }
    const marked = markInterpolations(b.dashboard_body);
    let widgets;
    try {
      widgets = parseDashboardBody(marked.text);
    } catch (e) {
      throw new LbkitConfigError(`${where}: dashboard_body ${(e as Error).message}`);
    }
    // Names and labels that are expressions read as REFERENCE, like any other Terraform value.
    const text = (s: string) => String(doc.scalar(marked.restore(s)));
    const part: DashboardPart = {
      kind: 'dashboard',
      key: id,
      widgets: widgets.map((w) => ({
        title: text(w.title),
        x: w.x,
        y: w.y,
        width: w.width,
        height: w.height,
        metrics: w.metrics.map((m) => ({
          namespace: text(m.namespace),
          metricName: text(m.metricName),
          dimensions: m.dimensions.map(([name, value]) => ({ name: text(name), value: doc.ref(marked.restore(value)) })),
          statistic: text(m.statistic),
          periodSeconds: m.periodSeconds,
          label: text(m.label),
        })),
      })),
    };
    return [part];
  },
};
