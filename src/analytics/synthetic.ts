import { RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_NAMES, type EntityKind, type RelationshipType } from '../graph/ontology';
import { prng } from '../common/prng';

/**
 * A synthetic graph with the article graph's ontology and a heavy-tailed degree distribution:
 * preferential attachment (Barabási–Albert), where each new entity ties to earlier ones chosen in
 * proportion to their degree, so a few hubs collect most facts as Naver and KT do. Deterministic
 * for a given seed. Articles, statements and stock quotes are left out: analytics ignore MENTIONS.
 */

/** Share of each kind among generated entities (relative weights). */
export const KIND_WEIGHTS: Partial<Record<EntityKind, number>> = {
  Organization: 30,
  Person: 25,
  AIModel: 10,
  Project: 10,
  Topic: 8,
  ResearchCenter: 7,
  Event: 6,
  Facility: 4,
};
/** Picks each new entity makes by default: 1 to 3 (mean 2; ~1.6 facts kept), sparse like the article. */
const DEFAULT_MAX_PICKS = 3;
/** With `factsPerEntity`, a pick the ontology allows no type for is retried up to this many times. */
const PICK_TRIES = 8;
/** Chance that a target is picked uniformly instead of by degree: keeps small nodes reachable. */
const UNIFORM_PICK = 0.1;
/** Dates span the decade the articles cover; a share of facts has no time at all (always valid). */
const FIRST_YEAR = 2015;
const YEARS = 11;
const UNDATED_SHARE = 0.3;
/** Share of dated facts that also end (validTo), up to 3 years later: asOf then sees them vanish. */
const ENDING_SHARE = 0.3;

export interface SyntheticEntity {
  id: string;
  kind: EntityKind;
  name: string;
}

export interface SyntheticFact {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  validFrom: string | null;
  validTo: string | null;
}

/** Types allowed from kind a to kind b, as [type, stored a->b?] pairs, both ways. */
function typeTable(): Map<string, [RelationshipType, boolean][]> {
  const table = new Map<string, [RelationshipType, boolean][]>();
  const add = (a: string, b: string, entry: [RelationshipType, boolean]) =>
    table.set(`${a}>${b}`, [...(table.get(`${a}>${b}`) ?? []), entry]);
  for (const type of RELATIONSHIP_TYPE_NAMES) {
    if (type === 'MENTIONS') continue;
    const spec = RELATIONSHIP_TYPES[type];
    for (const from of spec.from)
      for (const to of spec.to) {
        add(from, to, [type, true]);
        if (from !== to) add(to, from, [type, false]);
      }
  }
  return table;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function factTime(rand: () => number): { validFrom: string | null; validTo: string | null } {
  if (rand() < UNDATED_SHARE) return { validFrom: null, validTo: null };
  const year = FIRST_YEAR + Math.floor(rand() * YEARS);
  const month = 1 + Math.floor(rand() * 12);
  const validFrom = `${year}-${pad(month)}-01`;
  if (rand() >= ENDING_SHARE) return { validFrom, validTo: null };
  return { validFrom, validTo: `${year + 1 + Math.floor(rand() * 3)}-${pad(month)}-01` };
}

export interface SyntheticOptions {
  /**
   * Mean facts per entity, k (an integer >= 1): each new entity adds 1..2k-1 facts, uniformly, and a
   * pick the ontology allows no type for is retried, so the graph holds about k × entities facts.
   * Unset: the historic sparse graph (1..3 picks, a failed pick dropped: ~1.6 facts per entity).
   */
  factsPerEntity?: number;
}

/**
 * Yield the graph in batches of entities then facts, in creation order (a fact only refers to
 * entities of earlier batches or its own). Memory: one Int32Array of fact endpoints (for picking by
 * degree), not the graph.
 */
export function* syntheticGraph(
  namespace: string,
  entities: number,
  seed: number,
  batchSize: number,
  options: SyntheticOptions = {},
): Generator<{ entities: SyntheticEntity[]; facts: SyntheticFact[] }> {
  const k = options.factsPerEntity;
  if (k !== undefined && (!Number.isInteger(k) || k < 1))
    throw new RangeError('factsPerEntity must be an integer >= 1');
  const maxPicks = k === undefined ? DEFAULT_MAX_PICKS : 2 * k - 1;
  const tries = k === undefined ? 1 : PICK_TRIES;
  const rand = prng(seed);
  const kinds = Object.entries(KIND_WEIGHTS) as [EntityKind, number][];
  const total = kinds.reduce((s, [, w]) => s + w, 0);
  const pickKind = (): EntityKind => {
    let r = rand() * total;
    for (const [k, w] of kinds) if ((r -= w) < 0) return k;
    return 'Organization';
  };
  const table = typeTable();
  const kindOf: EntityKind[] = new Array<EntityKind>(entities);
  const ends = new Int32Array(entities * maxPicks * 2);
  let endCount = 0;
  let factCount = 0;
  for (let start = 0; start < entities; start += batchSize) {
    const batch = { entities: [] as SyntheticEntity[], facts: [] as SyntheticFact[] };
    for (let i = start; i < Math.min(entities, start + batchSize); i++) {
      const kind = (kindOf[i] = pickKind());
      batch.entities.push({ id: `${namespace}-${i}`, kind, name: `${kind} ${i}` });
      const wanted = i === 0 ? 0 : 1 + Math.floor(rand() * maxPicks);
      for (let f = 0; f < wanted; f++) {
        let j = i;
        let choice: [RelationshipType, boolean] | undefined;
        for (let t = 0; t < tries && (!choice || j === i); t++) {
          const byDegree = endCount > 0 && rand() >= UNIFORM_PICK;
          j = byDegree ? (ends[Math.floor(rand() * endCount)] ?? 0) : Math.floor(rand() * i);
          const types = table.get(`${kind}>${kindOf[j] ?? ''}`);
          choice = types?.[Math.floor(rand() * types.length)];
        }
        if (!choice || j === i) continue;
        const [type, forward] = choice;
        const [from, to] = forward ? [i, j] : [j, i];
        ends[endCount++] = i;
        ends[endCount++] = j;
        const id = `${namespace}-f${factCount++}`;
        batch.facts.push({ id, type, from: `${namespace}-${from}`, to: `${namespace}-${to}`, ...factTime(rand) });
      }
    }
    yield batch;
  }
}
