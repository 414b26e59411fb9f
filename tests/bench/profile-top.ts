/**
 * `npx tsx tests/bench/profile-top.ts FILE.cpuprofile... [--rows N] [--tree NAME [--depth D] [--min MS]] [--until MS]`:
 * self and inclusive time per function of CPU profiles (as profile-checkins.ts or `node --cpu-prof` write them; several
 * files are summed), more rows than the bench prints; with --tree, the call tree below every function named NAME
 * (merged over its call sites), down to D levels and branches of at least MS; --until keeps only the first MS of each
 * profile (a cold start's profile up to the banner).
 */
import { readFile } from 'node:fs/promises';
import { formatProfile, summarizeProfile } from './lib/profile.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv.splice(i, 2)[1] : undefined;
};
const rows = Number(option('--rows') ?? 80);
const tree = option('--tree');
const depth = Number(option('--depth') ?? 6);
const min = Number(option('--min') ?? 5);
const until = option('--until');
const files = argv;
if (!files.length) {
  console.error('usage: tsx tests/bench/profile-top.ts FILE.cpuprofile... [--rows N] [--tree NAME [--depth D] [--min MS]]');
  process.exit(64);
}

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Tree = { us: number; children: Map<string, Tree> };
/** Function and file, and the line where it means something (a bundle: every function is in main.js). */
const short = (f: Node['callFrame']) =>
  `${f.functionName || '(anonymous)'} ${f.url.replace(/.*\/(node_modules\/)?/, '')}${f.lineNumber > 0 ? `:${f.lineNumber + 1}` : ''}`.trim();

if (!tree) {
  console.log(formatProfile(files.join(', '), await summarizeProfile(files, rows), rows));
} else {
  const merged: Tree = { us: 0, children: new Map() };
  for (const file of files) {
    const profile = JSON.parse(await readFile(file, 'utf8')) as { nodes: Node[]; samples?: number[]; timeDeltas?: number[] };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    let elapsed = 0;
    (profile.samples ?? []).forEach((id, i) => {
      elapsed += profile.timeDeltas?.[i] ?? 0;
      if (until === undefined || elapsed <= Number(until) * 1000) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i + 1] ?? 0));
    });
    const total = (id: number): number => (self.get(id) ?? 0) + (byId.get(id)!.children ?? []).reduce((a, c) => a + total(c), 0);
    const into = (t: Tree, id: number, level: number): void => {
      const node = byId.get(id)!;
      for (const c of node.children ?? []) {
        const key = short(byId.get(c)!.callFrame);
        const child = t.children.get(key) ?? { us: 0, children: new Map() };
        t.children.set(key, child);
        child.us += total(c);
        if (level < depth) into(child, c, level + 1);
      }
    };
    // Every outermost call of NAME (not inside another call of it) is a root.
    const visit = (id: number, inside: boolean): void => {
      const node = byId.get(id)!;
      const hit = !inside && short(node.callFrame).startsWith(tree + ' ');
      if (hit) {
        merged.us += total(id);
        into(merged, id, 1);
      }
      for (const c of node.children ?? []) visit(c, inside || hit);
    };
    if (tree === '(root)') {
      merged.us += total(profile.nodes[0]!.id);
      into(merged, profile.nodes[0]!.id, 1);
    } else visit(profile.nodes[0]!.id, false);
  }
  const print = (t: Tree, indent: string): void => {
    for (const [key, child] of [...t.children].sort((a, b) => b[1].us - a[1].us)) {
      if (child.us / 1000 < min) continue;
      console.log(`${indent}${(child.us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
      print(child, indent + '  ');
    }
  };
  console.log(`${(merged.us / 1000).toFixed(0)} ms in ${tree}`);
  print(merged, '  ');
}
