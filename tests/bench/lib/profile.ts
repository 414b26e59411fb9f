import { readFile } from 'node:fs/promises';
import { REPO } from './paths.ts';

/** A V8 CPU profile (.cpuprofile), as node:inspector and `node --cpu-prof` write it. */
type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
};

export type ProfileRow = { fn: string; ms: number; pct: number };

const label = (f: CpuProfile['nodes'][number]['callFrame']) => {
  const url = f.url.replace(/^file:\/\//, '').replace(REPO, '').replace(/.*\/node_modules\//, '~/');
  // Code run through tsx reports line 0 for everything: a line number is shown only when it means something.
  return `${f.functionName || '(anonymous)'} ${url}${url && f.lineNumber > 0 ? `:${f.lineNumber + 1}` : ''}`.trim();
};

/**
 * Self and inclusive time per function (inclusive counts a function once per stack, even when recursive); several
 * files (profiles of separate windows of the same process) are summed.
 */
export async function summarizeProfile(files: string | readonly string[], top = 25): Promise<{ totalMs: number; self: ProfileRow[]; inclusive: ProfileRow[] }> {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalUs = 0;
  for (const file of typeof files === 'string' ? [files] : files) totalUs += addProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, self, inclusive);
  const idle = [...self.entries()].filter(([k]) => k.startsWith('(idle)') || k.startsWith('(program)')).reduce((a, [, us]) => a + us, 0);
  const busyUs = totalUs - idle;
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(program)') && !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000), pct: busyUs ? Math.round((1000 * us) / busyUs) / 10 : 0 }));
  return { totalMs: Math.round(busyUs / 1000), self: rows(self), inclusive: rows(inclusive) };
}

/** Adds one profile's self and inclusive µs per function to the maps; returns its total µs. */
function addProfile(profile: CpuProfile, self: Map<string, number>, inclusive: Map<string, number>): number {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Time per node from the samples and their time deltas (µs).
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i]!;
    const dt = deltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const walk = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id)!;
    const key = label(node.callFrame);
    const own = selfUs.get(id) ?? 0;
    self.set(key, (self.get(key) ?? 0) + own);
    const nested = onStack.has(key);
    if (!nested) onStack.add(key);
    let sum = own;
    for (const child of node.children ?? []) sum += walk(child, onStack);
    if (!nested) {
      onStack.delete(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + sum);
    }
    return sum;
  };
  const root = profile.nodes[0];
  if (root) walk(root.id, new Set());
  return totalUs;
}

export function formatProfile(title: string, summary: Awaited<ReturnType<typeof summarizeProfile>>, rows = 15): string {
  const lines = [`${title}: ${summary.totalMs} ms of CPU sampled (idle excluded; % of that)`, '', 'self time:'];
  for (const r of summary.self.slice(0, rows)) lines.push(`  ${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.fn}`);
  lines.push('', 'inclusive time:');
  for (const r of summary.inclusive.slice(0, rows)) lines.push(`  ${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.fn}`);
  return lines.join('\n');
}
