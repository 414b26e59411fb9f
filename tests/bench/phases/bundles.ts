import { readFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export type JsFile = { path: string; bytes: number; gzBytes: number };
export type JsLoad = { files: JsFile[]; gzKb: number; rawKb: number };

const gz = (buf: Buffer | string) => gzipSync(buf).length; // zlib's default level (6)

function sumUp(files: JsFile[]): JsLoad {
  files.sort((a, b) => b.gzBytes - a.gzBytes);
  return {
    files,
    gzKb: files.reduce((a, f) => a + f.gzBytes, 0) / 1024,
    rawKb: files.reduce((a, f) => a + f.bytes, 0) / 1024,
  };
}

/** Static `import … from "x"`, `import "x"` and `export … from "x"` in (minified) ES modules; not dynamic import(). */
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+|\*)?\s*(?:from)?\s*["']([^"']+\.js)["']/g;

/**
 * The kiosk's first load as its index.html declares it: module scripts, modulepreload links and the entry points
 * the inline bootstrap imports, plus everything those import statically. Each file gzipped on its own and summed.
 */
export async function kioskDeclaredLoad(buildDir: string): Promise<JsLoad> {
  const html = await readFile(join(buildDir, 'index.html'), 'utf8');
  const roots = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) roots.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g)) roots.add((m[1] ?? m[2])!);
  for (const m of html.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) roots.add(m[1]!);
  return jsClosure(buildDir, [...roots]);
}

/** The given root-relative JS paths and their static imports, each counted once, gzipped separately. */
export async function jsClosure(buildDir: string, paths: string[], mount = '/'): Promise<JsLoad> {
  const seen = new Map<string, JsFile>();
  const queue = paths.filter((p) => p.endsWith('.js'));
  while (queue.length) {
    const urlPath = queue.shift()!;
    if (seen.has(urlPath)) continue;
    const file = join(buildDir, urlPath.startsWith(mount) ? urlPath.slice(mount.length) : urlPath);
    const code = await readFile(file);
    seen.set(urlPath, { path: urlPath, bytes: code.length, gzBytes: gz(code) });
    for (const m of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) queue.push(posix.normalize(posix.join(dirname(urlPath), spec)));
      else if (spec.startsWith('/')) queue.push(spec);
    }
  }
  return sumUp([...seen.values()]);
}

/** Script bytes an HTML page carries or references (inline scripts and fetched `src` scripts), gzipped. */
export async function pageScripts(baseUrl: string, html: string): Promise<JsLoad & { scriptTags: number }> {
  const files: JsFile[] = [];
  let scriptTags = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    scriptTags += 1;
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(m[1] ?? '')?.[1];
    if (src) {
      const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
      files.push({ path: src, bytes: body.length, gzBytes: gz(body) });
    } else if ((m[2] ?? '').trim()) {
      files.push({ path: '(inline)', bytes: Buffer.byteLength(m[2]!), gzBytes: gz(m[2]!) });
    }
  }
  for (const m of html.matchAll(/<link[^>]*rel=["']?(?:modulepreload|preload)["']?[^>]*href=["']([^"']+\.js)["']/gi)) {
    const body = Buffer.from(await (await fetch(new URL(m[1]!, baseUrl))).arrayBuffer());
    files.push({ path: m[1]!, bytes: body.length, gzBytes: gz(body) });
  }
  return { ...sumUp(files), scriptTags };
}
