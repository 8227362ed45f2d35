import { defineConfig, type Plugin } from 'vite';
import { join } from 'node:path';
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
      console.log(
        `\nInvolvement Register tab bundle: ${kb(raw)} (${kb(gzip)} gzip) in ${Object.keys(bundle).length} files`,
      );
    },
  };
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, once, at build time, at
 * the highest settings: the server then picks one per request (server/tab-files.ts) instead of compressing
 * on every load. A copy that would not be smaller is not written.
 */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const { brotliCompress, gzip, constants } = await import('node:zlib');
      const { readFile, writeFile } = await import('node:fs/promises');
      const { promisify } = await import('node:util');
      const toBrotli = promisify(brotliCompress);
      const toGzip = promisify(gzip);
      const compressible = /\.(?:html|js|mjs|css|svg|json|txt|map)$/;
      await Promise.all(
        Object.keys(bundle)
          .filter((name) => compressible.test(name))
          .map(async (name) => {
            const path = join(options.dir!, name);
            const content = await readFile(path);
            const brotli = await toBrotli(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            });
            const gzipped = await toGzip(content, { level: constants.Z_BEST_COMPRESSION });
            if (brotli.length < content.length) await writeFile(`${path}.br`, brotli);
            if (gzipped.length < content.length) await writeFile(`${path}.gz`, gzipped);
          }),
      );
    },
  };
}

export default defineConfig({
  root,
  base: '/tab/',
  plugins: [reportBundleSize(), precompress()],
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
