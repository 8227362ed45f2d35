import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * The browser scripts of the public pages partners open outside Teams (`/join`, `/how-was-it`, `/invitation`,
 * `/consent`): one entry per page, the functions they share in their own chunk. Every file is named after a hash
 * of its content, so the server sends it as immutable; the server finds the names in the manifest
 * (api/public-scripts.ts) and refuses to start without it.
 */
const PAGE_SCRIPTS = ['join', 'how-was-it', 'invitation', 'consent'] as const;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/public-pages/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/public-pages', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    manifest: true,
    // The pages load their scripts as modules from this server; no preload helper is needed (nor allowed inline).
    modulePreload: false,
    rollupOptions: {
      input: Object.fromEntries(PAGE_SCRIPTS.map((name) => [name, `src/${name}.ts`])),
    },
  },
});
