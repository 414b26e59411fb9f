import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // A single-page app: the hub serves build/ under /staff and answers every deep link with index.html.
    // precompress: .br and .gz beside each built file, which the hub sends to browsers that take them (static.routes.ts).
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', precompress: true, strict: true }),
    paths: { base: '/staff' },
    // SvelteKit writes the hashes of its inline bootstrap script into the built page, so the hub's CSP can allow
    // exactly that script instead of 'unsafe-inline' (hub/src/transport/http/static.routes.ts serves them).
    csp: { mode: 'hash', directives: { 'script-src': ['self'] } },
  },
};

export default config;
