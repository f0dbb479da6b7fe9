/* global performance, requestAnimationFrame -- the evaluated function runs in the page */
// Explorer at scale: serves a synthetic 5,000-entity neighbourhood to the real explorer page (the
// API's answers are replaced in the browser), then measures time to draw and frame rate while
// the layout runs. Needs a running server (npm start) and Debian's chromium.
//   node tools/bench/explorer-scale.mjs [http://127.0.0.1:4000] [nodes]
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:4000';
const NODES = Number(process.argv[3] ?? 5000);
const KINDS = ['Organization', 'Person', 'AIModel', 'Project', 'Topic', 'ResearchCenter'];

const nodes = Array.from({ length: NODES }, (_, i) => ({
  id: `n${i}`,
  kind: KINDS[i % KINDS.length],
  name: `Entity ${i}`,
  nameKo: `개체 ${i}`,
}));
const edges = nodes.slice(1).flatMap((n, i) =>
  [Math.floor(Math.random() * (i + 1)), Math.floor(Math.random() * NODES)].map((to, k) => ({
    id: `e${i}-${k}`,
    type: 'PARTNERS_WITH',
    from: { id: n.id },
    to: { id: `n${to}` },
    properties: {},
    provenance: { quote: '합성 데이터', time: null, article: null },
  })),
);
const answers = {
  ExplorerSearch: { search: [{ entity: nodes[0] }] },
  ExplorerNeighborhood: { neighborhood: { truncated: false, nodes, edges } },
  ExplorerEntity: { entity: { ...nodes[0], aliases: [], description: null, descriptionKo: null } },
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
await page.route('**/graphql', async (route) => {
  const name = /query (\w+)/.exec(route.request().postDataJSON().query)?.[1];
  await route.fulfill({ json: { data: answers[name] } });
});
await page.goto(`${base}/explorer`);
await page.fill('#search', 'x');
const started = Date.now();
await page.locator('#results button').first().click();
await page.waitForFunction((n) => globalThis.kgExplorer.nodeIds().length === n, NODES, { timeout: 120_000 });
await page.locator('#panel h2').waitFor();
const drawnMs = Date.now() - started;
// Frames the page paints in one second while the worker lays the graph out: the page stays live.
const fps = await page.evaluate(
  () =>
    new Promise((resolve) => {
      let frames = 0;
      const end = performance.now() + 1000;
      const tick = () => (performance.now() < end ? (frames++, requestAnimationFrame(tick)) : resolve(frames));
      requestAnimationFrame(tick);
    }),
);
await page.waitForTimeout(3500);
await page.screenshot({ path: 'test-artifacts/explorer-scale.png' });
console.log(
  `${NODES} nodes, ${edges.length} facts: drawn and panel shown in ${drawnMs} ms; ${fps} frames in the next second`,
);
await browser.close();
