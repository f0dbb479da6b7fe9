import type { Executor, Tx } from '../db/executor';
import { toNeo4jInt, type PlainNode, type PlainRelationship } from '../db/values';
import type { EntityRecord } from '../entity/entity.type';
import { BadUserInputError, NotFoundError } from '../errors/errors';
import { toEntityRecord, toRelationshipRecord } from '../graph/records';
import type { Path } from '../traversal/traversal.type';
import { MAX_ALL_SHORTEST, MAX_K_PATHS, MAX_PATH_HOPS } from './analytics.limits';
import {
  allShortestPathsCypher,
  DIJKSTRA_CYPHER,
  endpointsCypher,
  hopFactsCypher,
  YENS_CYPHER,
} from './analytics.cypher';
import { asAnalyticsError } from './analytics.errors';
import { type PathWeight } from './analytics.enums';
import type { WeightedPath } from './analytics.type';
import { checkRange } from './args.check';
import { withProjection } from './projection';
import { scopeParams, type Scope } from './scope';

interface FactRow {
  rel: PlainRelationship;
  from: string;
  to: string;
}

/**
 * Paths between two entities: cheapest (Dijkstra) and k cheapest (Yen) over the scope's GDS
 * projection, and every shortest path by hop count with Cypher's allShortestPaths. Paths longer
 * than maxLength are left out (GDS itself has no length limit).
 */
export class PathsService {
  constructor(private readonly executor: Executor) {}

  async cheapestPath(
    from: string,
    to: string,
    weight: PathWeight,
    scope: Scope,
    maxLength: number,
  ): Promise<WeightedPath | null> {
    const [path] = await this.weightedPaths(from, to, weight, scope, maxLength, 1);
    return path ?? null;
  }

  kShortestPaths(
    from: string,
    to: string,
    k: number,
    weight: PathWeight,
    scope: Scope,
    maxLength: number,
  ): Promise<WeightedPath[]> {
    return this.weightedPaths(from, to, weight, scope, maxLength, checkRange(k, MAX_K_PATHS, 'k'));
  }

  async allShortestPaths(from: string, to: string, scope: Scope, maxLength: number, limit: number): Promise<Path[]> {
    const cypher = allShortestPathsCypher(scope, checkRange(maxLength, MAX_PATH_HOPS, 'maxLength'));
    const params = { ...scopeParams(scope), from, to, limit: toNeo4jInt(checkRange(limit, MAX_ALL_SHORTEST, 'limit')) };
    try {
      return await this.executor.readTx(async (tx) => {
        if (!(await this.checkEndpoints(tx, from, to, scope))) return [];
        const rows = await tx.run(cypher, params);
        return rows.map((row) => {
          const nodes = (row.nodes as unknown as PlainNode[]).map(toEntityRecord);
          const rels = toFacts(row.rels as unknown as FactRow[], nodes);
          return { nodes, relationships: rels, length: rels.length };
        });
      }, 'allShortestPaths');
    } catch (err) {
      throw asAnalyticsError(err);
    }
  }

  private async weightedPaths(
    from: string,
    to: string,
    weight: PathWeight,
    scope: Scope,
    maxLength: number,
    k: number,
  ): Promise<WeightedPath[]> {
    checkRange(maxLength, MAX_PATH_HOPS, 'maxLength');
    const ends = await this.executor.readTx((tx) => this.checkEndpoints(tx, from, to, scope), 'pathEndpoints');
    if (!ends) return [];
    const operation = k === 1 ? 'path.dijkstra' : 'path.yens';
    return withProjection(
      this.executor,
      scope,
      operation,
      async (tx, graphName) => {
        const cypher = k === 1 ? DIJKSTRA_CYPHER : YENS_CYPHER;
        const rows = await tx.run(cypher, { graphName, from, to, k: toNeo4jInt(k) });
        const found = rows
          .map((r) => ({ nodes: (r.nodes as unknown as PlainNode[]).map(toEntityRecord), cost: Number(r.totalCost) }))
          .filter((p) => p.nodes.length - 1 <= maxLength);
        const hops = found.flatMap((p) => pairs(p.nodes).map(([a, b]) => ({ from: a.id, to: b.id })));
        const facts = hops.length ? await tx.run(hopFactsCypher(scope, weight), { ...scopeParams(scope), hops }) : [];
        const byHop = new Map(facts.map((f) => [`${String(f.hopFrom)}\u0000${String(f.hopTo)}`, f.fact]));
        return found.map((p) => {
          const rows = pairs(p.nodes).map(([a, b]) => byHop.get(`${a.id}\u0000${b.id}`));
          const relationships = toFacts(rows as unknown as FactRow[], p.nodes);
          return { ...p, relationships, length: p.nodes.length - 1 };
        });
      },
      weight,
    );
  }

  /** NOT_FOUND for an unknown id, BAD_USER_INPUT for one outside the scope; false when from = to. */
  private async checkEndpoints(tx: Tx, from: string, to: string, scope: Scope): Promise<boolean> {
    const [row] = await tx.run(endpointsCypher(scope), { ...scopeParams(scope), from, to });
    if (!row?.fromExists) throw new NotFoundError('Entity', from, 'from');
    if (!row.toExists) throw new NotFoundError('Entity', to, 'to');
    if (!row.fromInScope) throw new BadUserInputError(`'${from}' is outside the scope (kinds/namespace)`, 'from');
    if (!row.toInScope) throw new BadUserInputError(`'${to}' is outside the scope (kinds/namespace)`, 'to');
    if (from === to) throw new BadUserInputError("'from' and 'to' are the same entity", 'to');
    return true;
  }
}

/** Consecutive pairs: [n0, n1], [n1, n2], ... */
function pairs<T>(items: T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 1; i < items.length; i++) out.push([items[i - 1] as T, items[i] as T]);
  return out;
}

function toFacts(rows: (FactRow | undefined)[], nodes: EntityRecord[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return rows.flatMap((row) => {
    const a = row && byId.get(row.from);
    const b = row && byId.get(row.to);
    return row && a && b ? [toRelationshipRecord(row.rel, a, b)] : [];
  });
}
