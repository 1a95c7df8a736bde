import { CfnTemplate, cfnMapping } from './template';
import { DASHBOARD_TAG } from '../../core/contract';
import { parseDashboardBody } from '../../core/plan/dashboard-body';
import { LbkitConfigError } from '../errors';
import { DashboardPart, ValueRef } from '../parts';
import { isObject } from '../values';

/** Stands for the n-th intrinsic of a joined body while it is parsed as JSON (no JSON escaping needed). */
const marker = (n: number) => `@@lbkit-ref-${n}@@`;
const MARKER = /@@lbkit-ref-(\d+)@@/g;

/**
 * A DashboardBody as text, each intrinsic of an Fn::Join replaced by a marker; undefined when the
 * body is neither a string nor an Fn::Join of strings and intrinsics.
 */
function bodyText(raw: unknown): { text: string; intrinsics: unknown[] } | undefined {
  if (typeof raw === 'string') return { text: raw, intrinsics: [] };
  const join = isObject(raw) ? raw['Fn::Join'] : undefined;
  if (!Array.isArray(join) || typeof join[0] !== 'string' || !Array.isArray(join[1])) return undefined;
  const intrinsics: unknown[] = [];
  const pieces = join[1].map((piece: unknown) => {
    if (typeof piece === 'string') return piece;
    intrinsics.push(piece);
    return marker(intrinsics.length - 1);
  });
  return { text: pieces.join(join[0]), intrinsics };
}

/** A dimension value of the parsed body: a literal, or what the intrinsic(s) in it refer to. */
function valueOf(doc: CfnTemplate, text: string, intrinsics: unknown[]): ValueRef {
  const parts = text.split(MARKER);
  if (parts.length === 1) return { value: text };
  // split with a capture group alternates literal text and marker numbers.
  const joined = parts.map((p, i) => (i % 2 === 1 ? intrinsics[Number(p)] : p)).filter((p) => p !== '');
  return doc.ref(joined.length === 1 ? joined[0] : { 'Fn::Join': ['', joined] });
}

/**
 * AWS::CloudWatch::Dashboard with Metadata `DASHBOARD_TAG`: its body parsed by core's one
 * translation, with references mapped back to the resources they name. A dashboard without it is
 * the user's own (perhaps of the same metrics) and is left out, like an alarm on another metric.
 */
export const dashboardMapping = cfnMapping('AWS::CloudWatch::Dashboard', (id, p, doc, resource) => {
  if (!isObject(resource.Metadata) || resource.Metadata[DASHBOARD_TAG] === undefined) return [];
  const body = bodyText(p.DashboardBody);
  if (!body) throw new LbkitConfigError(`dashboard ${id}: its DashboardBody is neither a string nor an Fn::Join`);
  let widgets;
  try {
    widgets = parseDashboardBody(body.text);
  } catch (e) {
    throw new LbkitConfigError(`dashboard ${id}: its DashboardBody ${(e as Error).message}`);
  }
  const part: DashboardPart = {
    kind: 'dashboard',
    key: id,
    widgets: widgets.map((w) => ({
      ...w,
      metrics: w.metrics.map((m) => ({
        namespace: m.namespace,
        metricName: m.metricName,
        dimensions: m.dimensions.map(([name, value]) => ({ name, value: valueOf(doc, value, body.intrinsics) })),
        statistic: m.statistic,
        periodSeconds: m.periodSeconds,
        label: m.label,
      })),
    })),
  };
  return [part];
});
