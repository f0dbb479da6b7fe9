import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WEB_DIST_DIR, WEB_PAGES } from '../../src/server/pages/web-pages';
import { createExecutor, startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

/** Debian's chromium (`apt-get install chromium`, done by .ci/run); Playwright never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.join(__dirname, '../../test-artifacts');

/** No GPU, no sandbox (root in CI), and no background calls to hosts this machine cannot reach. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Playwright gives every launch a new empty profile (its own --user-data-dir in a temp folder, removed
 * on close), so GraphiQL's saved tabs never leak between runs.
 */
export async function launchChromium(): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: apt-get install -y chromium (as .ci/run does)`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  return { browser, close: () => browser.close() };
}

/** Builds the pages with Vite when `npm run build` has not (a bare `npx jest`). */
export function ensureWebBuilt(): void {
  const missing = Object.values(WEB_PAGES).some((f) => !fs.existsSync(path.join(WEB_DIST_DIR, f)));
  if (missing) execFileSync('npm', ['run', 'build:web'], { cwd: path.join(__dirname, '../..'), stdio: 'ignore' });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Every URL the page asked for that is not on `origin`: the pages must work offline. */
export function trackForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return foreign;
}

/** The real server on a free port plus a Chromium session, for one browser test file. */
export async function startBrowserApp(): Promise<{ app: App; session: BrowserSession; close(): Promise<void> }> {
  ensureWebBuilt();
  const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const app = await startApp(config, createExecutor(config, process.env.NEO4J_URI as string), createLogger('silent'));
  const session = await launchChromium();
  return {
    app,
    session,
    async close() {
      await session.close();
      await app.stop();
      await app.executor.close();
    },
  };
}
