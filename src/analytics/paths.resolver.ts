import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { Path } from '../traversal/traversal.type';
import { DEFAULT_ALL_SHORTEST, DEFAULT_K_PATHS, DEFAULT_PATH_HOPS } from './analytics.limits';
import { GraphScope } from './analytics.args';
import { PathWeight } from './analytics.enums';
import { WeightedPath } from './analytics.type';
import { resolveScope } from './scope';

const SCOPE_DOC = 'Kinds, fact types, direction, date and namespace a path may use; default: the article graph';
const MAX_LENGTH_DOC = 'Longest path returned, in hops, at most 10';

@Resolver()
export class PathsResolver {
  @Query(() => WeightedPath, {
    nullable: true,
    description: 'The cheapest path between two entities (GDS Dijkstra); null when none within maxLength',
  })
  cheapestPath(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('weight', () => PathWeight, { defaultValue: PathWeight.HOPS }) weight: PathWeight,
    @Arg('scope', () => GraphScope, { nullable: true, description: SCOPE_DOC }) scope: GraphScope | null,
    @Arg('maxLength', () => Int, { defaultValue: DEFAULT_PATH_HOPS, description: MAX_LENGTH_DOC }) maxLength: number,
    @Ctx() ctx: Context,
  ): Promise<WeightedPath | null> {
    return ctx.services.analytics.paths.cheapestPath(from, to, weight, resolveScope(scope), maxLength);
  }

  @Query(() => [WeightedPath], {
    description: "The k cheapest loopless paths (GDS Yen's algorithm), cheapest first",
  })
  kShortestPaths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('k', () => Int, { defaultValue: DEFAULT_K_PATHS, description: 'How many paths, at most 10' }) k: number,
    @Arg('weight', () => PathWeight, { defaultValue: PathWeight.HOPS }) weight: PathWeight,
    @Arg('scope', () => GraphScope, { nullable: true, description: SCOPE_DOC }) scope: GraphScope | null,
    @Arg('maxLength', () => Int, { defaultValue: DEFAULT_PATH_HOPS, description: MAX_LENGTH_DOC }) maxLength: number,
    @Ctx() ctx: Context,
  ): Promise<WeightedPath[]> {
    return ctx.services.analytics.paths.kShortestPaths(from, to, k, weight, resolveScope(scope), maxLength);
  }

  @Query(() => [Path], { description: 'Every shortest path by hop count (up to limit); empty when none' })
  allShortestPaths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('scope', () => GraphScope, { nullable: true, description: SCOPE_DOC }) scope: GraphScope | null,
    @Arg('maxLength', () => Int, { defaultValue: DEFAULT_PATH_HOPS, description: MAX_LENGTH_DOC }) maxLength: number,
    @Arg('limit', () => Int, { defaultValue: DEFAULT_ALL_SHORTEST, description: 'Paths listed, at most 50' })
    limit: number,
    @Ctx() ctx: Context,
  ): Promise<Path[]> {
    return ctx.services.analytics.paths.allShortestPaths(from, to, resolveScope(scope), maxLength, limit);
  }
}
