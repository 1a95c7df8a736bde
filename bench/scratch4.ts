import { measureOnce } from './support/synth-measure';
import { scenario } from './support/synth-scenario';
import { SYNTH_VARIANTS } from './support/synth-variants';
const n = Number(process.argv[2] ?? 50);
const only = process.argv[3];
const s = scenario(n);
const vs = SYNTH_VARIANTS.filter((v) => !only || v.engine === only);
for (let w = 0; w < 3; w++) for (const v of vs) measureOnce(v, s);
const res: Record<string, number[][]> = {};
for (let r = 0; r < 10; r++) for (const v of vs) {
  const c0 = process.cpuUsage(); const m = measureOnce(v, s); const c = process.cpuUsage(c0);
  (res[v.id] ??= []).push([m.ms, (c.user + c.system) / 1000]);
}
const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (const [id, xs] of Object.entries(res)) console.log(id.padEnd(28), 'wall', med(xs.map((x) => x[0])).toFixed(1), 'cpu', med(xs.map((x) => x[1])).toFixed(1));
