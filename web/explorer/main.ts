import { entityDetails, neighborhood, pageRank, search, shortestPath, type EntityRef } from './api';
import { GraphView } from './graph-view';
import { renderLegend } from './kinds';
import { renderPanel } from './panel';

/** Wait after the last keystroke before searching: one request per pause, not per key. */
const SEARCH_DEBOUNCE_MS = 250;

const byId = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node as T;
};

const searchInput = byId<HTMLInputElement>('search');
const results = byId<HTMLUListElement>('results');
const panel = byId<HTMLElement>('panel');
const status = byId<HTMLElement>('status');
const pathFrom = byId<HTMLInputElement>('path-from');
const pathTo = byId<HTMLInputElement>('path-to');

const view = new GraphView(byId('graph'), (id) => void expand(id));
renderLegend(byId('legend'));
// Sizes by PageRank once the API has computed it; until then (or if analytics is unavailable) by degree.
pageRank().then(
  (scores) => view.setCentrality(scores),
  () => undefined,
);

const setStatus = (text: string): void => {
  status.textContent = text;
};
const nameOf = (id: string): string => (view.graph.hasNode(id) ? String(view.graph.getNodeAttribute(id, 'label')) : id);

async function select(id: string): Promise<void> {
  view.select(id);
  const entity = await entityDetails(id);
  if (entity) renderPanel(panel, entity, view.factsOf(id), nameOf, () => void expand(id));
}

/** Draws (or grows the drawing by) an entity's neighbourhood and selects it. */
async function expand(id: string): Promise<void> {
  setStatus(`Loading ${id}…`);
  const sub = await neighborhood(id);
  if (!sub) return setStatus(`No entity '${id}'`);
  view.add(sub.nodes, sub.edges, id);
  setStatus(
    `${view.graph.order} entities, ${view.graph.size} facts drawn${sub.truncated ? ' (neighbourhood cut at the cap)' : ''}`,
  );
  await select(id);
}

function showResults(hits: EntityRef[]): void {
  results.replaceChildren(
    ...hits.map((hit) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = hit.id;
      button.textContent = `${hit.name}${hit.nameKo ? ` · ${hit.nameKo}` : ''} (${hit.kind})`;
      button.addEventListener('click', () => {
        results.replaceChildren();
        void expand(hit.id);
      });
      item.append(button);
      return item;
    }),
  );
}

let timer: number | undefined;
searchInput.addEventListener('input', () => {
  window.clearTimeout(timer);
  const q = searchInput.value.trim();
  if (!q) return results.replaceChildren();
  timer = window.setTimeout(
    () => void search(q).then(showResults, (e: Error) => setStatus(e.message)),
    SEARCH_DEBOUNCE_MS,
  );
});

/** An id of the drawing, or the best search hit for a name in either language. */
async function resolve(text: string): Promise<string | undefined> {
  const q = text.trim();
  if (view.graph.hasNode(q)) return q;
  return (await search(q))[0]?.id;
}

byId<HTMLFormElement>('path-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void (async () => {
    const [from, to] = await Promise.all([resolve(pathFrom.value), resolve(pathTo.value)]);
    if (!from || !to) return setStatus('Path: name two entities that exist');
    const path = await shortestPath(from, to);
    if (!path) {
      view.clearPath();
      return setStatus(`No path between ${from} and ${to}`);
    }
    view.add(path.nodes, path.relationships);
    view.highlightPath(
      path.nodes.map((n) => n.id),
      path.relationships,
    );
    setStatus(`Path (${path.length} hops): ${path.nodes.map((n) => n.nameKo ?? n.name).join(' → ')}`);
    await select(from);
  })().catch((e: Error) => setStatus(e.message));
});
byId<HTMLButtonElement>('path-clear').addEventListener('click', () => view.clearPath());

/** A small handle for browser tests and the console: where nodes are, what is highlighted. */
Object.assign(window, {
  kgExplorer: {
    nodeIds: () => view.graph.nodes(),
    nodeSize: (id: string) => Number(view.graph.getNodeAttribute(id, 'size')),
    selected: () => view.selected,
    viewportPosition: (id: string) => view.viewportPosition(id),
  },
});

const initial = new URLSearchParams(window.location.search).get('id');
if (initial) void expand(initial);
