import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The browser pages the API serves: GraphiQL (/graphiql) and the graph explorer (/explorer).
 * Built into dist/web; the server serves the assets under WEB_ASSET_BASE (src/server/pages).
 */
const WEB_ASSET_BASE = '/ui/';
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: WEB_ASSET_BASE,
  build: {
    outDir: resolve(here, '../dist/web'),
    emptyOutDir: true,
    // Monaco (GraphiQL's editor) is large by nature; it is served from the same host, never a CDN.
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      // React libraries mark files "use client" for server components; meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        graphiql: resolve(here, 'graphiql/index.html'),
        explorer: resolve(here, 'explorer/index.html'),
      },
    },
  },
});
