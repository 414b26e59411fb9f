import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

/** The figures `npm run bench -- --json FILE` writes: exactly these numeric keys. */
export const FIGURE_KEYS = [
  'ack_p50_ms',
  'ack_p99_ms',
  'fanout_p99_ms',
  'loop_delay_p99_ms',
  'cold_start_ms',
  'rss_mb',
  'http_p99_ms',
  'tap_to_alert_p95_ms',
  'kiosk_js_gz_kb',
  'phone_js_gz_kb',
  'stock_ack_p99_ms',
  'lost_acks',
  // Issue #15: what a check-in costs, not what a lucky run shows.
  'cpu_ms_per_checkin_q10',
  'cpu_ms_per_checkin_q2000',
  'ack_p99_one_core_ms',
  'ack_p99_saturday_ms',
  'first_ack_ms',
  // Issue #16: client search and record on the large salon (tests/bench/phases/client-record.ts).
  'search_p95_ms',
  'record_open_p95_ms',
  'task_list_ms',
  'tablets10_loop_p99_ms',
  'tablets10_ack_p99_ratio',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export type Figures = Record<FigureKey, number>;

/** A figure with how it compares with its budget; `lowerBound` when the true value is at least this (cut off). */
export type Row = { what: string; key: FigureKey | null; value: number; unit: string; budget: number | null; lowerBound?: boolean; note?: string };

export type Machine = { cpus: number; cpuModel: string; memoryGb: number; node: string; os: string; loadAvg: number[] };

const fmt = (x: number, unit: string) => {
  if (!Number.isFinite(x)) return 'n/a';
  const digits = unit === '' || (unit === 'ms' && x >= 1000) || Math.abs(x) >= 100 ? 0 : 1;
  return `${x.toFixed(digits)} ${unit}`.trim();
};

export function verdict(row: Row): string {
  if (row.budget === null) return '';
  if (!Number.isFinite(row.value)) return '?';
  return row.value <= row.budget && !(row.lowerBound && row.value >= row.budget) ? '✓' : '✗';
}

export function resultsMarkdown(input: {
  command: string;
  date: string;
  machine: Machine;
  durationS: number;
  rows: Row[];
  details: string[];
}): string {
  const { machine } = input;
  const lines = [
    `Measured by \`${input.command}\` on ${input.date} (the whole run took ${Math.round(input.durationS)} s).`,
    '',
    `Machine: ${machine.cpus} CPUs (\`nproc\`), ${machine.cpuModel}, ${machine.memoryGb.toFixed(1)} GB memory, Node ${machine.node}, ${machine.os}; ` +
      `load average at the start ${machine.loadAvg.map((x) => x.toFixed(2)).join(' / ')}. A shared machine: other work ran beside the bench, so ` +
      'take differences of less than ~20 % between runs as noise.',
    '',
    '| what | measured | budget (DESIGN §7) | |',
    '| --- | --- | --- | --- |',
    ...input.rows.map(
      (r) =>
        `| ${r.what}${r.key ? ` \`${r.key}\`` : ''} | ${r.lowerBound ? '≥ ' : ''}${fmt(r.value, r.unit)}${r.note ? ` (${r.note})` : ''} | ${
          r.budget === null ? '—' : `≤ ${fmt(r.budget, r.unit)}`
        } | ${verdict(r)} |`,
    ),
    '',
    ...input.details,
  ];
  return lines.join('\n');
}

const START = '<!-- bench:results:start (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:results:end -->';

const SKELETON = `# Benchmarks

The figures of DESIGN §7, measured by \`npm run bench\` on the large-salon data set (\`npm run seed:large\`). The
section between the markers is rewritten by every run; the analysis below it is written by people.

${START}
${END}

## Causes of the figures over budget

(Written after profiling: see \`npm run bench -- --profile\`.)
`;

/** Replaces the generated section of BENCHMARKS.md, keeping everything people wrote around it. */
export async function writeBenchmarksMd(file: string, section: string): Promise<void> {
  const current = existsSync(file) ? await readFile(file, 'utf8') : SKELETON;
  const base = current.includes(START) && current.includes(END) ? current : SKELETON + '\n' + current;
  const before = base.slice(0, base.indexOf(START) + START.length);
  const after = base.slice(base.indexOf(END));
  await writeFile(file, `${before}\n${section}\n${after}`);
}
