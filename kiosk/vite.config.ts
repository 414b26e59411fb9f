import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/** During `vite dev` the hub runs on its own port; the kiosk reaches it through the same origin, as in production. */
const HUB = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      '/api': { target: HUB, changeOrigin: false },
      '/socket.io': { target: HUB, ws: true, changeOrigin: false },
    },
  },
});
