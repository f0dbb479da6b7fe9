import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import type { EntityRef, Fact } from './api';
import { colorOf } from './kinds';

/**
 * Node radius: a base so leaves stay clickable, growing with the square root of the entity's
 * PageRank relative to the most central one (with the drawn degree until scores have arrived).
 */
const BASE_SIZE = 5;
const SIZE_PER_SQRT_DEGREE = 2.5;
const MAX_SIZE = 30;
const LARGE_DRAWING_NODES = 1_000;
const LARGE_DRAWING_SCALE = 0.4;
/**
 * Layout: small drawings (the article graph) are laid out at once, so nodes stand still when clicked;
 * larger ones run ForceAtlas2 in a web worker for a bounded time, so the page never freezes (one
 * synchronous pass over 5,000 nodes takes seconds).
 */
const SYNC_LAYOUT_MAX_NODES = 250;
const SYNC_LAYOUT_ITERATIONS = 150;
const WORKER_LAYOUT_MS = 3_000;
const DIMMED = '#d9d9d9';
const PATH_COLOR = '#e3001b';

const factKey = (f: Fact): string => `${f.type}:${f.id}`;

/** The drawn graph (graphology) and its WebGL renderer (sigma), with path highlighting. */
export class GraphView {
  readonly graph = new Graph({ multi: true, type: 'directed' });
  readonly renderer: Sigma;
  private readonly facts = new Map<string, Fact>();
  private pathNodes = new Set<string>();
  private pathEdges = new Set<string>();
  private worker: FA2LayoutSupervisor | undefined;
  private centrality = new Map<string, number>();
  private maxCentrality = 0;
  selected: string | undefined;

  constructor(container: HTMLElement, onClickNode: (id: string) => void) {
    this.renderer = new Sigma(this.graph, container, {
      defaultEdgeType: 'arrow',
      labelRenderedSizeThreshold: 6,
      nodeReducer: (node, data) => {
        const onPath = this.pathNodes.has(node);
        const dim = this.pathNodes.size > 0 && !onPath;
        return {
          ...data,
          color: dim ? DIMMED : data.color,
          highlighted: node === this.selected || onPath,
          zIndex: onPath ? 1 : 0,
        };
      },
      edgeReducer: (edge, data) => {
        if (this.pathEdges.has(edge)) return { ...data, color: PATH_COLOR, size: 4, zIndex: 1 };
        return this.pathNodes.size > 0 ? { ...data, color: '#eeeeee' } : data;
      },
    });
    this.renderer.on('clickNode', ({ node }) => onClickNode(node));
  }

  /** Adds entities (new ones around `near`, or the centre) and facts whose both ends are drawn. */
  add(nodes: EntityRef[], facts: Fact[], near?: string): void {
    const origin = near && this.graph.hasNode(near) ? this.graph.getNodeAttributes(near) : { x: 0, y: 0 };
    for (const n of nodes) {
      if (this.graph.hasNode(n.id)) continue;
      this.graph.addNode(n.id, {
        label: n.nameKo && n.nameKo !== n.name ? `${n.name} · ${n.nameKo}` : n.name,
        kind: n.kind,
        color: colorOf(n.kind),
        x: Number(origin.x) + Math.random() * 10 - 5,
        y: Number(origin.y) + Math.random() * 10 - 5,
        size: BASE_SIZE,
      });
    }
    for (const f of facts) {
      const key = factKey(f);
      if (this.graph.hasEdge(key) || !this.graph.hasNode(f.from.id) || !this.graph.hasNode(f.to.id)) continue;
      this.facts.set(key, f);
      this.graph.addDirectedEdgeWithKey(key, f.from.id, f.to.id, { label: f.type, size: 1.5, color: '#9aa5b1' });
    }
    // Big drawings get smaller dots, so thousands of nodes stay apart; one batched update, one redraw.
    const scale = this.graph.order > LARGE_DRAWING_NODES ? LARGE_DRAWING_SCALE : 1;
    this.resize(scale);
    this.layout();
  }

  /** Size nodes by centrality scores (PageRank from the API's analytics) from now on. */
  setCentrality(scores: Map<string, number>): void {
    this.centrality = scores;
    this.maxCentrality = Math.max(0, ...scores.values());
    this.resize(this.graph.order > LARGE_DRAWING_NODES ? LARGE_DRAWING_SCALE : 1);
  }

  private sizeOf(id: string): number {
    const score = this.centrality.get(id);
    if (this.maxCentrality > 0) {
      return BASE_SIZE + (MAX_SIZE - BASE_SIZE) * Math.sqrt((score ?? 0) / this.maxCentrality);
    }
    return Math.min(MAX_SIZE, BASE_SIZE + SIZE_PER_SQRT_DEGREE * Math.sqrt(this.graph.degree(id)));
  }

  private resize(scale: number): void {
    this.graph.updateEachNodeAttributes((id, attrs) => ({ ...attrs, size: scale * this.sizeOf(id) }));
  }

  layout(): void {
    if (this.graph.order < 2) return;
    const settings = forceAtlas2.inferSettings(this.graph);
    if (this.graph.order <= SYNC_LAYOUT_MAX_NODES) {
      forceAtlas2.assign(this.graph, { iterations: SYNC_LAYOUT_ITERATIONS, settings });
      return;
    }
    this.worker?.kill();
    const worker = new FA2LayoutSupervisor(this.graph, { settings: { ...settings, barnesHutOptimize: true } });
    this.worker = worker;
    worker.start();
    window.setTimeout(() => worker.stop(), WORKER_LAYOUT_MS);
  }

  /** Facts touching an entity, as drawn. */
  factsOf(id: string): Fact[] {
    return [...this.facts.values()].filter((f) => f.from.id === id || f.to.id === id);
  }

  highlightPath(nodeIds: string[], facts: Fact[]): void {
    this.pathNodes = new Set(nodeIds);
    this.pathEdges = new Set(facts.map(factKey));
    this.renderer.refresh();
  }

  clearPath(): void {
    this.highlightPath([], []);
  }

  select(id: string | undefined): void {
    this.selected = id;
    this.renderer.refresh();
  }

  /** Where a node is on screen (CSS pixels in the container): for tests and keyboard focus. */
  viewportPosition(id: string): { x: number; y: number } | undefined {
    if (!this.graph.hasNode(id)) return undefined;
    const display = this.renderer.getNodeDisplayData(id);
    return display ? this.renderer.framedGraphToViewport(display) : undefined;
  }
}
