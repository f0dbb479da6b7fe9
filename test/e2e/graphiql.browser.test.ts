import type { App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { screenshot, startBrowserApp, trackForeignRequests, type BrowserSession } from '../support/browser';

/** Headless Chromium against the real server: GraphiQL loads from our own bundle and runs a query. */
let app: App;
let session: BrowserSession;
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  ({ app, session, close } = await startBrowserApp());
}, 180_000);
afterAll(() => close());

test('GraphiQL opens with the example operations and runs the Korean search', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1400, height: 860 } });
  const foreign = trackForeignRequests(page, app.url);
  await page.goto(`${app.url}/graphiql`);

  // The four examples are tabs; the first is the 카이스트 search.
  const tabs = page.locator('.graphiql-tab');
  await tabs.first().waitFor({ timeout: 60_000 });
  await expect(tabs.count()).resolves.toBe(4);
  await page.locator('.graphiql-query-editor').getByText('카이스트', { exact: false }).first().waitFor();

  // The search's own answer: GraphiQL's introspection is a POST to /graphql as well, and on a loaded
  // machine it can still be in flight when the button is clicked.
  const response = page.waitForResponse(
    (r) =>
      r.url().endsWith('/graphql') &&
      r.request().method() === 'POST' &&
      (r.request().postData() ?? '').includes('search('),
  );
  await page.locator('.graphiql-execute-button').click();
  const body = (await (await response).json()) as { data?: { search: { entity: { id: string } }[] } };
  expect(body.data?.search[0]?.entity.id).toBe('kaist');

  // The result is on screen, not only on the wire.
  await page.locator('.graphiql-response').getByText('"kaist"').first().waitFor({ timeout: 30_000 });
  await screenshot(page, 'graphiql');
  expect(foreign).toEqual([]);
  await page.close();
});

test('pages are off in production unless WEB_PAGES=true', async () => {
  const prod = loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'production' });
  const { webPagesEnabled } = await import('../../src/server/pages/web-pages');
  expect(webPagesEnabled(prod)).toBe(false);
  expect(webPagesEnabled({ ...prod, WEB_PAGES: true })).toBe(true);
  expect(webPagesEnabled(loadConfig({ ...process.env, NODE_ENV: 'test' }))).toBe(true);
});
