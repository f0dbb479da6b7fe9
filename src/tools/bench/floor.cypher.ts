import { Kind, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { BY_IDS_CYPHER } from '../../entity/entity.service';
import { filterClause, pageCypher, sortSpec } from '../../entity/entity.cypher';
import { EntitySortField, SortDirection } from '../../entity/entity.args';
import { toNeo4jInt } from '../../db/values';
import { Direction } from '../../graph/enums';
import { prefetchCypher } from '../../prefetch/prefetch.cypher';
import type { EntityPlan } from '../../prefetch/prefetch.plan';
import { neighborhoodCypher, shortestPathCypher } from '../../traversal/traversal.cypher';
import { traversalShape, type TraversalShape } from '../../traversal/traversal.shape';
import {
  DEFAULT_PATH_LENGTH,
  DEFAULT_RELATIONSHIP_FILTER,
  DEFAULT_TRAVERSAL_TYPES,
} from '../../traversal/traversal.limits';
import { OURS } from './queries';

/**
 * The Cypher our server sends for each scenario's operation, built by the same functions, so the
 * floor (driver + JSON.stringify behind node:http) runs exactly what the API runs, minus GraphQL.
 */
export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/** P2's look-ahead: partners(first: 10) of organizations, then relationships(first: 5) of each partner. */
export const P2_PLAN: EntityPlan = {
  related: [
    {
      kind: 'Organization',
      spec: { types: ['PARTNERS_WITH'], direction: Direction.BOTH },
      size: 10,
      withTotal: false,
      asOf: null,
      countOnly: false,
      slimFacts: true,
      slimOthers: true,
      otherProps: ['name'],
      child: {
        related: [
          {
            kind: null,
            spec: { types: [], direction: Direction.BOTH },
            size: 5,
            withTotal: false,
            asOf: null,
            countOnly: false,
            slimFacts: true,
            slimOthers: true,
            otherProps: ['name'],
            child: { related: [] },
          },
        ],
      },
    },
  ],
};

/** P2's page size, as its operation asks. */
export const P2_FIRST = 100;

export function p1Statement(id: string): Statement {
  return { cypher: BY_IDS_CYPHER, params: { ids: [id] } };
}

export function p2Statement(ids: string[]): Statement {
  // The operation asks first: 100; a page fetches one row more to know whether there is a next.
  const params: Record<string, unknown> = { ids, limit: toNeo4jInt(P2_FIRST + 1) };
  const clause = filterClause({ kinds: ['Organization'], ids });
  const cypher = pageCypher(clause, sortSpec(null), false, false, prefetchCypher(P2_PLAN, 'n', params));
  return { cypher, params };
}

export function p3Statement(size: number): Statement {
  const cypher = pageCypher(
    filterClause(null),
    sortSpec({ field: EntitySortField.ID, direction: SortDirection.ASC }),
    false,
    false,
  );
  return { cypher, params: { limit: toNeo4jInt(size + 1) } };
}

/** What P4's operation selects, read from it as our resolver reads it. */
function shapeOf(query: string, factsField: 'edges' | 'relationships'): TraversalShape {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const root = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  if (!root) throw new Error('P4 operation without a root field');
  return traversalShape({ fieldNodes: [root], fragments: {} }, factsField);
}

// Read once: the floor spends nothing per request on GraphQL.
const KHOP_CYPHER = neighborhoodCypher(shapeOf(OURS.khop, 'edges'));
const PATH_CYPHER = shortestPathCypher(
  DEFAULT_TRAVERSAL_TYPES,
  DEFAULT_PATH_LENGTH,
  shapeOf(OURS.path, 'relationships'),
);

export function neighborhoodStatement(id: string, depth: number, limit: number): Statement {
  return {
    cypher: KHOP_CYPHER,
    params: {
      id,
      depth: toNeo4jInt(depth),
      limit: toNeo4jInt(limit),
      relationshipFilter: DEFAULT_RELATIONSHIP_FILTER,
      labelFilter: '',
    },
  };
}

export function pathStatement(from: string, to: string): Statement {
  return { cypher: PATH_CYPHER, params: { from, to } };
}
