import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/tab/',
  build: { outDir: fileURLToPath(new URL('../dist/tab', import.meta.url)), emptyOutDir: true },
});
