/**
 * Bundles the hub (hub/src/main.ts and everything it imports, @glow/shared included) into hub/dist/main.js, so that
 * `npm start` runs plain JavaScript: transpiling the TypeScript at every start (tsx) cost ~0.5–1 s of the 1 s
 * cold-start budget (DESIGN §7, BENCHMARKS.md).
 *
 * Kept out of the bundle: `sharp` (native binaries, loaded from node_modules at run time). Everything resolved
 * relative to a source file keeps working because main.js sits as deep under the repo as main.ts does
 * (hub/dist vs hub/src: the repo is `../..` from both).
 */
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const hub = resolve(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [resolve(hub, 'src/main.ts')],
  outfile: resolve(hub, 'dist/main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // hub/dist/main.js.map: `node --enable-source-maps hub/dist/main.js` shows stack traces in the TypeScript sources.
  // Not on in `npm start`: reading the 4 MB map costs ~75 ms of every start.
  sourcemap: true,
  external: ['sharp'],
  // CommonJS dependencies (socket.io, ws, qrcode…) call require() for Node's built-ins; an ES module has no
  // require of its own, so the bundle gets one.
  banner: { js: "import { createRequire as __glowCreateRequire } from 'node:module'; const require = __glowCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
