import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const hub = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      '/api': hub,
      '/socket.io': { target: hub, ws: true },
    },
  },
});
