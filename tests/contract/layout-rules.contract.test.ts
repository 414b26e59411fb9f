import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/hub-harness.ts';

/**
 * The layout's rules (docs/architecture.md), enforced rather than trusted: a newcomer who breaks one learns it from
 * this test, with the file and the line, instead of from a review.
 */

const SKIP_DIRS = new Set(['node_modules', 'build', 'dist', '.svelte-kit', 'artifacts']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(REPO, dir), { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...sourceFiles(join(dir, entry.name)));
    } else if (/\.(ts|svelte|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(join(dir, entry.name));
    }
  }
  return out;
}

const isTest = (file: string) => /\.test\.ts$/.test(file) || file.includes('/testing/');

/** Every import specifier of a file (static, dynamic and re-exports), with its line number. */
function importsOf(file: string): { spec: string; line: number }[] {
  const text = readFileSync(join(REPO, file), 'utf8');
  const found: { spec: string; line: number }[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  for (const match of text.matchAll(pattern)) {
    found.push({ spec: match[1]!, line: text.slice(0, match.index).split('\n').length });
  }
  return found;
}

function linesMatching(file: string, pattern: RegExp): string[] {
  return readFileSync(join(REPO, file), 'utf8')
    .split('\n')
    .flatMap((text, i) => (pattern.test(text) ? [`${file}:${i + 1}: ${text.trim()}`] : []));
}

const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]!);

describe('the layout rules hold', () => {
  it('the apps never import the hub', () => {
    const offences = ['kiosk/src', 'staff-tablet/src'].flatMap((dir) =>
      sourceFiles(dir).flatMap((file) =>
        importsOf(file)
          .filter(({ spec }) => spec.startsWith('@glow/hub') || /(^|\/)hub\/src\//.test(spec))
          .map(({ spec, line }) => `${file}:${line} imports ${spec}`),
      ),
    );
    expect(offences).toEqual([]);
  });

  it('shared imports no Node module and nothing of the repository', () => {
    const offences = sourceFiles('shared/src')
      .filter((file) => !isTest(file))
      .flatMap((file) =>
        importsOf(file)
          .filter(({ spec }) => isNodeBuiltin(spec) || spec.startsWith('@glow/') || /\.\.\/\.\.\/\.\./.test(spec))
          .map(({ spec, line }) => `${file}:${line} imports ${spec}`),
      );
    expect(offences).toEqual([]);
  });

  it('shared touches no DOM (its tsconfig has no DOM types; this names the line)', () => {
    // A global's property (`window.x`), not a module path that ends in one of the words ('./outbox/delivery-window.ts').
    const dom = /(?<![-\w/.])(document|window|localStorage|sessionStorage|navigator)\s*\.(?!ts\b)/;
    const offences = sourceFiles('shared/src')
      .filter((file) => !isTest(file))
      .flatMap((file) => linesMatching(file, dom).filter((line) => !/^\S+:\d+: (\/\/|\*|\/\*)/.test(line)));
    expect(offences).toEqual([]);
  });

  it('only hub/src/store imports lowdb or the file system (main.ts builds the store; the static routes read the built apps)', () => {
    const allowed = new Set(['hub/src/main.ts', 'hub/src/transport/http/static.routes.ts']);
    const offences = sourceFiles('hub/src')
      .filter((file) => !file.startsWith('hub/src/store/') && !isTest(file) && !allowed.has(file))
      .flatMap((file) =>
        importsOf(file)
          .filter(({ spec }) => spec.startsWith('lowdb') || /^(node:)?fs(\/|$)/.test(spec))
          .map(({ spec, line }) => `${file}:${line} imports ${spec}`),
      );
    expect(offences).toEqual([]);
  });

  it('only hub/src/main.ts reads the environment or the command line', () => {
    const offences = ['hub/src', 'shared/src', 'kiosk/src', 'staff-tablet/src']
      .flatMap((dir) => sourceFiles(dir))
      .filter((file) => file !== 'hub/src/main.ts' && !isTest(file))
      .flatMap((file) => linesMatching(file, /\bprocess\.(env|argv)\b/));
    expect(offences).toEqual([]);
  });

  it('finds the files it checks (a wrong root would pass every rule above)', () => {
    const all = ['hub/src', 'shared/src', 'kiosk/src', 'staff-tablet/src'].flatMap((dir) => sourceFiles(dir));
    expect(all.length).toBeGreaterThan(100);
    expect(all.map((file) => relative('.', file))).toContain('hub/src/main.ts');
  });
});
