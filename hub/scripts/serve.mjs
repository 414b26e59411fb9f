/**
 * `npm run serve`: starts the prebuilt hub (hub/dist/main.js, made once by `npm run build`) without building anything
 * and without dev dependencies, so a production install (`npm ci --omit=dev` beside a built copy) starts. Says what to
 * do when the build is missing instead of a bare "module not found".
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/main.js');
if (!existsSync(main)) {
  console.error(`\nGlow cannot start: the hub is not built (${main} is missing). Run "npm run build" once, then "npm run serve".\n`);
  process.exit(1);
}
await import(pathToFileURL(main).href);
