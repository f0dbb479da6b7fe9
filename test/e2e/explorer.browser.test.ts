import type { Page } from 'playwright-core';
import type { App } from '../../src/app';
import { screenshot, startBrowserApp, trackForeignRequests, type BrowserSession } from '../support/browser';

/** Headless Chromium against the real server: search (Korean, English), expand by clicking, shortest path. */
let app: App;
let session: BrowserSession;
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  ({ app, session, close } = await startBrowserApp());
}, 180_000);
afterAll(() => close());

const nodeIds = (page: Page) => page.evaluate(() => (globalThis as any).kgExplorer.nodeIds() as string[]);

async function searchAndPick(page: Page, text: string, id: string): Promise<void> {
  await page.fill('#search', text);
  await page.locator(`#results button[data-id="${id}"]`).click({ timeout: 30_000 });
}

test('the explorer searches in Korean and English, expands on click, and highlights a shortest path', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1400, height: 860 } });
  const foreign = trackForeignRequests(page, app.url);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.url}/explorer`);
  await expect(page.locator('#legend li').count()).resolves.toBeGreaterThanOrEqual(10);

  // Korean search draws KAIST's neighbourhood and fills the side panel with its facts and quotes.
  await searchAndPick(page, '카이스트', 'kaist');
  await page.locator('#panel h2', { hasText: 'KAIST' }).waitFor({ timeout: 30_000 });
  await page.locator('#panel .quote').first().waitFor();
  const first = await nodeIds(page);
  expect(first).toEqual(expect.arrayContaining(['kaist', 'kt']));
  // Node size follows PageRank from the API: KT (among the most central) outweighs a leaf topic.
  const size = (id: string) => page.evaluate((n) => (globalThis as any).kgExplorer.nodeSize(n) as number, id);
  const leaf = first.find((id) => id !== 'kt' && id !== 'kaist') as string;
  for (let i = 0; i < 50 && (await size('kt')) <= (await size(leaf)); i++) await page.waitForTimeout(200);
  expect(await size('kt')).toBeGreaterThan(await size(leaf));

  // English search for another entity.
  await searchAndPick(page, 'Naver', 'naver');
  await page.locator('#panel h2', { hasText: /^Naver$/ }).waitFor({ timeout: 30_000 });
  const second = await nodeIds(page);
  expect(second.length).toBeGreaterThan(first.length);

  // Clicking a drawn node (on the WebGL canvas) expands it and selects it.
  const target = second.find((id) => !['kaist', 'naver'].includes(id) && id === 'snu') ?? 'kt';
  const pos = await page.evaluate((id) => (globalThis as any).kgExplorer.viewportPosition(id), target);
  const box = (await page.locator('#graph').boundingBox())!;
  await page.mouse.click(box.x + pos.x, box.y + pos.y);
  await page.waitForFunction((id) => (globalThis as any).kgExplorer.selected() === id, target, { timeout: 30_000 });
  await page.locator('#panel #expand').waitFor();

  // Shortest path between two names (resolved by search), drawn and highlighted.
  await page.fill('#path-from', 'GPT-3');
  await page.fill('#path-to', 'KT');
  await page.click('#path-button');
  await page.locator('#status', { hasText: 'Path (' }).waitFor({ timeout: 30_000 });
  const status = await page.locator('#status').textContent();
  expect(status).toMatch(/^Path \(2 hops\): GPT-3 → GPT-3의 한국판 개발 → KT$/);

  await screenshot(page, 'explorer');
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await page.close();
});
