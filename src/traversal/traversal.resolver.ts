import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { EntityKindEnum, RelationshipTypeEnum } from '../graph/enums';
import type { EntityKind, RelationshipType } from '../graph/ontology';
import type { Context } from '../server/context';
import { Direct } from '../server/direct-resolvers';
import { DEFAULT_NEIGHBORHOOD_NODES, DEFAULT_PATH_LENGTH } from './traversal.limits';
import { traversalShape } from './traversal.shape';
import { Path, Subgraph } from './traversal.type';

interface ShortestPathArgs {
  from: string;
  to: string;
  types: RelationshipType[] | null;
  maxLength: number;
}

interface NeighborhoodArgs {
  id: string;
  depth: number;
  types: RelationshipType[] | null;
  kinds: EntityKind[] | null;
  limit: number;
}

/**
 * The fields' work, called directly by graphql-js (see Direct): the root of every traversal
 * request, where type-graphql's wrapper (its argument list, a promise per argument) was about
 * 20-30 µs of a shortest path's server time (lab, stage timestamps).
 */
function shortestPath(
  _root: unknown,
  { from, to, types, maxLength }: ShortestPathArgs,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<Path | null> {
  return ctx.services.traversal.shortestPath(from, to, types, maxLength, traversalShape(info, 'relationships'));
}

function neighborhood(
  _root: unknown,
  { id, depth, types, kinds, limit }: NeighborhoodArgs,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<Subgraph | null> {
  return ctx.services.traversal.neighborhood(id, depth, types, kinds, limit, traversalShape(info, 'edges'));
}

@Resolver()
export class TraversalResolver {
  @Query(() => Path, {
    nullable: true,
    description: 'A shortest path between two entities (ignoring direction); null when none within maxLength',
  })
  @Direct(shortestPath)
  shortestPath(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('types', () => [RelationshipTypeEnum], {
      nullable: true,
      description: 'Follow only these; default: every type but MENTIONS',
    })
    types: RelationshipType[] | null,
    @Arg('maxLength', () => Int, {
      defaultValue: DEFAULT_PATH_LENGTH,
      description: 'At most 10',
    })
    maxLength: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Path | null> {
    return shortestPath(undefined, { from, to, types, maxLength }, ctx, info);
  }

  @Query(() => Subgraph, {
    nullable: true,
    description: 'The subgraph around an entity; null when it does not exist',
  })
  @Direct(neighborhood)
  neighborhood(
    @Arg('id', () => ID) id: string,
    @Arg('depth', () => Int, { defaultValue: 1, description: 'Hops, 1 to 3' })
    depth: number,
    @Arg('types', () => [RelationshipTypeEnum], {
      nullable: true,
      description: 'Follow only these; default: every type but MENTIONS',
    })
    types: RelationshipType[] | null,
    @Arg('kinds', () => [EntityKindEnum], {
      nullable: true,
      description: 'Only reach these kinds',
    })
    kinds: EntityKind[] | null,
    @Arg('limit', () => Int, {
      defaultValue: DEFAULT_NEIGHBORHOOD_NODES,
      description: 'Node cap, at most 500',
    })
    limit: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Subgraph | null> {
    return neighborhood(undefined, { id, depth, types, kinds, limit }, ctx, info);
  }
}
