import { HAPROXY, IN_CI, warnWithoutHaproxy } from '../haproxy/support';

/** The proxy's data planes: the node plane (startProxy) and the HAProxy plane (startHaproxyPlane). */
export type Plane = 'node' | 'haproxy';

/**
 * The planes a behavioural suite runs on, for `describe.each(PLANES)`: the HAProxy plane when haproxy is
 * installed, and always under CI=true, where a missing haproxy then fails its tests rather than skipping them.
 */
export const PLANES: Plane[] = HAPROXY || IN_CI ? ['node', 'haproxy'] : ['node'];

/** A test's plane × engine combinations, for `describe.each(planesByEngine(ENGINES))('%s plane, %s', …)`. */
export function planesByEngine<E>(engines: readonly E[]): [Plane, E][] {
  warnWithoutHaproxy(`${expect.getState().testPath ?? 'a plane × engine suite'} (its haproxy plane cases)`);
  return PLANES.flatMap((plane) => engines.map((engine): [Plane, E] => [plane, engine]));
}
