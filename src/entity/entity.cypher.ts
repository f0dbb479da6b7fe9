import type { Params } from '../db/executor';
import { toNeo4jInt } from '../db/values';
import { BadUserInputError } from '../errors/errors';
import { ENTITY_LABEL, type EntityKind } from '../graph/ontology';
import { assertKind } from '../graph/statements';
import type { PrefetchCypher } from '../prefetch/prefetch.cypher';
import { EntitySortField, SortDirection, type EntityFilter, type EntityOrder } from './entity.args';

export interface FilterClause {
  /** `MATCH (n:Entity:Kind)` or with a label expression for several kinds. */
  match: string;
  where: string[];
  params: Params;
  /** The kinds filtered on (allowlisted): with no other condition, a count reads the count store. */
  kinds?: readonly EntityKind[];
}

/** Most ids one filter may list: bounds the IN list the planner has to seek. */
const MAX_FILTER_IDS = 1_000;

/** Turn a filter into a MATCH with parameterized WHERE conditions; kinds come from the allowlist. */
export function filterClause(filter: EntityFilter | null | undefined): FilterClause {
  const where: string[] = [];
  const params: Params = {};
  const kinds = (filter?.kinds ?? []).map(assertKind);
  const labels =
    kinds.length === 0 ? ENTITY_LABEL : kinds.length === 1 ? `${ENTITY_LABEL}:${kinds[0]}` : `${kinds.join('|')}`;
  const match = `MATCH (n:${labels})`;
  if (kinds.length > 1) where.push(`n:${ENTITY_LABEL}`);
  if (!filter) return { match, where, params, kinds };
  if (filter.ids) {
    if (filter.ids.length > MAX_FILTER_IDS)
      throw new BadUserInputError(`'filter.ids' may list at most ${MAX_FILTER_IDS} ids`, 'filter.ids');
    where.push('n.id IN $ids');
    params.ids = filter.ids;
  }
  if (filter.nameContains != null) {
    where.push(
      "(toLower(n.name) CONTAINS $nameContains OR toLower(coalesce(n.nameKo, '')) CONTAINS $nameContains" +
        ' OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $nameContains))',
    );
    params.nameContains = normalize(filter.nameContains);
  }
  if (filter.alias != null) {
    where.push(
      "(toLower(n.name) = $alias OR toLower(coalesce(n.nameKo, '')) = $alias" +
        ' OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) = $alias))',
    );
    params.alias = normalize(filter.alias);
  }
  for (const key of ['orgType', 'country'] as const) {
    if (filter[key] != null) {
      where.push(`n.${key} = $${key}`);
      params[key] = filter[key];
    }
  }
  if (filter.minParameterCount != null) {
    where.push('n.parameterCount >= $minParameterCount');
    params.minParameterCount = toNeo4jInt(filter.minParameterCount);
  }
  if (filter.maxParameterCount != null) {
    where.push('n.parameterCount <= $maxParameterCount');
    params.maxParameterCount = toNeo4jInt(filter.maxParameterCount);
  }
  if (filter.mentionedIn != null) {
    where.push(`EXISTS { (:${ENTITY_LABEL}:Article {id: $mentionedIn})-[:MENTIONS]->(n) }`);
    params.mentionedIn = filter.mentionedIn;
  }
  return { match, where, params, kinds };
}

export function normalize(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

export interface SortSpec {
  /** Property sorted on; `id` breaks ties so the order is total. */
  property: 'name' | 'id';
  descending: boolean;
}

export function sortSpec(order: EntityOrder | null | undefined): SortSpec {
  return {
    property: order?.field === EntitySortField.ID ? 'id' : 'name',
    descending: order?.direction === SortDirection.DESC,
  };
}

/**
 * One page: rows strictly after the cursor in the (possibly reversed) order, `$limit` of them.
 * With `prefetch` (the Cypher of a look-ahead plan), each row also answers `prefetched`: the
 * facts its selection asks for, fetched in the same round trip after the page is cut.
 */
export function pageCypher(
  clause: FilterClause,
  sort: SortSpec,
  reverse: boolean,
  hasCursor: boolean,
  prefetch?: PrefetchCypher,
): string {
  const desc = sort.descending !== reverse;
  const where = [...clause.where];
  if (hasCursor) {
    const op = desc ? '<' : '>';
    where.push(
      sort.property === 'id'
        ? `n.id ${op} $cursorId`
        : `(n.name ${op} $cursorKey OR (n.name = $cursorKey AND n.id ${op} $cursorId))`,
    );
  }
  const dir = desc ? ' DESC' : '';
  const orderBy = sort.property === 'id' ? `n.id${dir}` : `n.name${dir}, n.id${dir}`;
  const head = [clause.match, where.length ? `WHERE ${where.join('\n  AND ')}` : ''];
  if (prefetch) {
    return [
      ...head,
      `WITH n ORDER BY ${orderBy} LIMIT $limit`,
      ...prefetch.calls,
      `RETURN n, ${prefetch.subs} AS prefetched`,
      `ORDER BY ${orderBy}`,
    ]
      .filter(Boolean)
      .join('\n');
  }
  return [...head, 'RETURN n', `ORDER BY ${orderBy}`, 'LIMIT $limit'].filter(Boolean).join('\n');
}

/**
 * Count without collecting. Unfiltered, `MATCH (n:Entity)` reads the count store. A node with a kind
 * label is always an Entity with exactly that one kind (migration 001), so a filter of kinds only is
 * counted as `MATCH (n:Kind)` per kind, from the count store, summed: `(n:Entity:Kind)` would scan
 * every node of the kind. Any other condition counts the matching rows.
 */
export function countCypher(clause: FilterClause): string {
  const kinds = [...new Set((clause.kinds ?? []).map(assertKind))];
  if (kinds.length > 0 && clause.where.every((condition) => condition === `n:${ENTITY_LABEL}`)) {
    if (kinds.length === 1) return `MATCH (n:${kinds[0]})\nRETURN count(n) AS total`;
    const branches = kinds.map((kind) => `  MATCH (n:${kind}) RETURN count(n) AS c`).join('\n  UNION ALL\n');
    return ['CALL () {', branches, '}', 'RETURN sum(c) AS total'].join('\n');
  }
  return [clause.match, clause.where.length ? `WHERE ${clause.where.join('\n  AND ')}` : '', 'RETURN count(n) AS total']
    .filter(Boolean)
    .join('\n');
}

/** One entity by id with the facts a look-ahead plan fetches for it. */
export function byIdCypher(prefetch: PrefetchCypher): string {
  return [`MATCH (n:${ENTITY_LABEL} {id: $id})`, ...prefetch.calls, `RETURN n, ${prefetch.subs} AS prefetched`].join(
    '\n',
  );
}
