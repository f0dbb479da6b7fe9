import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { REPO_ROOT, type Config } from '../../config';

/** Where `npm run build` (vite, web/vite.config.mts) writes the pages and their assets. */
export const WEB_DIST_DIR = path.join(REPO_ROOT, 'dist', 'web');
/** Must match `base` in web/vite.config.mts: the built HTML links its scripts under this path. */
export const WEB_ASSET_PATH = '/ui';
/** Asset file names carry a content hash, so browsers may keep them for a year. */
const ASSET_MAX_AGE = '365d';

/** Page route → the built HTML it serves. */
export const WEB_PAGES = {
  '/graphiql': 'graphiql/index.html',
  '/explorer': 'explorer/index.html',
} as const;

/** On in development and tests; in production only when WEB_PAGES=true. */
export function webPagesEnabled(config: Pick<Config, 'WEB_PAGES' | 'NODE_ENV'>): boolean {
  return config.WEB_PAGES ?? config.NODE_ENV !== 'production';
}

/**
 * GraphiQL and the graph explorer: static files built by Vite, everything bundled (no CDN), so they
 * work offline. Each page talks to /graphql on the same origin.
 */
export function webPages(dir: string = WEB_DIST_DIR): Router {
  const router = express.Router();
  router.use(WEB_ASSET_PATH, express.static(dir, { index: false, maxAge: ASSET_MAX_AGE, immutable: true }));
  for (const [route, file] of Object.entries(WEB_PAGES)) {
    const html = path.join(dir, file);
    router.get(route, (_req, res) => {
      if (!fs.existsSync(html)) {
        res.status(404).type('text/plain').send(`${route} is not built: run \`npm run build\` first.\n`);
        return;
      }
      // The page itself must not be cached: it names the current hashed assets.
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(html);
    });
  }
  return router;
}
