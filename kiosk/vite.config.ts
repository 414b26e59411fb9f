import { sveltekit } from '@sveltejs/kit/vite';
import { parse } from '@formatjs/icu-messageformat-parser';
import { defineConfig, type Plugin } from 'vite';

/** During `vite dev` the hub runs on its own port; the kiosk reaches it through the same origin, as in production. */
const HUB = 'http://127.0.0.1:8080';

/** The kiosk's message catalogues (src/lib/i18n/en.ts, zh-CN.ts). */
const CATALOGUE = /[/\\]src[/\\]lib[/\\]i18n[/\\](en|zh-CN)\.ts$/;

/**
 * Builds the message catalogues already parsed: each ICU message becomes the syntax tree intl-messageformat formats,
 * so the browser never needs the ICU parser, and the build points the parser's module at its parser-less variant
 * (formatjs's documented way to precompile). It saves ~8 KB gzipped of the kiosk's first load (DESIGN §7 budget).
 * Only in `vite build`: in dev and in the unit tests the catalogues stay strings, parsed at run time.
 */
function precompiledMessages(): Plugin {
  return {
    name: 'kiosk-precompiled-messages',
    apply: 'build',
    enforce: 'post',
    async transform(code, id) {
      if (!CATALOGUE.test(id)) return null;
      // After TypeScript is stripped, a catalogue is one exported object of strings; evaluate it and parse each message.
      const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
      const module = (await import(/* @vite-ignore */ url)) as Record<string, Record<string, string>>;
      const out = Object.entries(module).map(([name, messages]) => {
        const parsed = Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, parse(message)]));
        return `export const ${name} = ${JSON.stringify(parsed)};`;
      });
      return { code: out.join('\n'), map: null };
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [sveltekit(), precompiledMessages()],
  resolve:
    command === 'build'
      ? { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }] }
      : {},
  server: {
    proxy: {
      '/api': { target: HUB, changeOrigin: false },
      '/socket.io': { target: HUB, ws: true, changeOrigin: false },
    },
  },
}));
