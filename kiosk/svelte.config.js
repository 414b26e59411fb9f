import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The lobby kiosk is a single-page app: the hub serves `build/` at `/` and answers every unknown path with
 * `index.html`, so nothing is rendered on the server or prerendered (see src/routes/+layout.ts).
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
  preprocess: vitePreprocess(),
  // Runes everywhere in our code; libraries keep whatever mode they were written in.
  compilerOptions: { runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true) },
  kit: {
    // precompress: .br and .gz beside each built file, which the hub sends to browsers that take them (static.routes.ts).
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', precompress: true, strict: true }),
    paths: { base: '' },
    // SvelteKit writes the hashes of its inline bootstrap script into the built page, so the hub's CSP can allow
    // exactly that script instead of 'unsafe-inline' (hub/src/transport/http/static.routes.ts serves them).
    csp: { mode: 'hash', directives: { 'script-src': ['self'] } },
  },
};

export default config;
