import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { EntityKindEnum, RelationshipTypeEnum } from '../graph/enums';
import type { EntityKind, RelationshipType } from '../graph/ontology';
import type { Context } from '../server/context';
import { DEFAULT_NEIGHBORHOOD_NODES, DEFAULT_PATH_LENGTH } from './traversal.limits';
import { traversalShape } from './traversal.shape';
import { Path, Subgraph } from './traversal.type';

@Resolver()
export class TraversalResolver {
  @Query(() => Path, {
    nullable: true,
    description: 'A shortest path between two entities (ignoring direction); null when none within maxLength',
  })
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
    const shape = traversalShape(info, 'relationships');
    return ctx.services.traversal.shortestPath(from, to, types, maxLength, shape);
  }

  @Query(() => Subgraph, {
    nullable: true,
    description: 'The subgraph around an entity; null when it does not exist',
  })
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
    return ctx.services.traversal.neighborhood(id, depth, types, kinds, limit, traversalShape(info, 'edges'));
  }
}
