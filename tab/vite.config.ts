import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Prints the production bundle's size (raw and gzip), so growth is noticed at build time. */
function reportBundleSize(): Plugin {
  return {
    name: 'report-bundle-size',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const { gzipSync } = await import('node:zlib');
      let raw = 0;
      let gzip = 0;
      for (const file of Object.values(bundle)) {
        const content = file.type === 'chunk' ? file.code : file.source;
        const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
        raw += bytes.length;
        gzip += gzipSync(bytes).length;
      }
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
      console.log(`\nInvolvement Register tab bundle: ${kb(raw)} (${kb(gzip)} gzip) in ${Object.keys(bundle).length} files`);
    },
  };
}

export default defineConfig({
  root,
  base: '/tab/',
  plugins: [reportBundleSize()],
  build: {
    outDir: fileURLToPath(new URL('../dist/tab', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Fluent UI and teams-js make one ~150 kB gzip chunk; the plugin above reports it on every build.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      onwarn(warning, warn) {
        // Fluent's "use client" markers are for React Server Components, which a Teams tab does not use.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
