/** One row of `show stat` (a proxy, or one of its servers), by the CSV header's column names. */
export interface StatRow {
  /** The backend (`tg_<group>`) or frontend name. */
  readonly pxname: string;
  /** The server name, or FRONTEND / BACKEND for the proxy's own totals. */
  readonly svname: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** Parses `show stat` (CSV whose first line is `# pxname,svname,...`). */
export function parseShowStat(text: string): StatRow[] {
  const lines = text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
  const headerLine = lines.find((l) => l.startsWith('# '));
  if (!headerLine) throw new Error(`haproxy show stat: no CSV header in "${text.slice(0, 200)}"`);
  const header = headerLine.slice(2).split(',');
  return lines.filter((l) => !l.startsWith('#')).map((line) => {
    const cells = line.split(',');
    const fields = Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
    return { pxname: fields.pxname, svname: fields.svname, fields };
  });
}

/** A counter column as a number (empty: 0). */
export const counter = (row: StatRow | undefined, column: string): number => Number(row?.fields[column] || 0);
