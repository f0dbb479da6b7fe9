import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { isEmptyPlan, planFromInfo } from '../prefetch/prefetch.plan';
import { primeRelated } from '../prefetch/prefetch.prime';
import type { Context } from '../server/context';
import { Direct } from '../server/direct-resolvers';
import type { Prefetch } from './entity.service';
import { EntitiesArgs } from './entity.args';
import { EntityConnection } from './entity-connection.type';
import { Entity, type EntityRecord } from './entity.type';

/** The look-ahead for the entities a root field returns: null when they select no facts. */
function prefetchFor(info: GraphQLResolveInfo, path: string[], ctx: Context): Prefetch | undefined {
  const plan = planFromInfo(info, path);
  if (isEmptyPlan(plan)) return undefined;
  return { plan, record: (node, prefetched) => primeRelated(ctx.loaders.related, node, plan, prefetched) };
}

/**
 * `entity`'s work, called directly by graphql-js (see Direct): a point lookup is the most frequent
 * request, and type-graphql's wrapper was a fixed cost on each (its argument list and promises).
 */
function entity(_root: unknown, { id }: { id: string }, ctx: Context, info: GraphQLResolveInfo) {
  const prefetch = prefetchFor(info, [], ctx);
  // Without facts to fetch, aliased lookups batch into one query through the loader.
  return prefetch ? ctx.services.entities.byIdPrefetched(id, prefetch) : ctx.loaders.entity.load(id);
}

@Resolver(() => EntityConnection)
export class EntityResolver {
  @Query(() => Entity, {
    nullable: true,
    description: 'One entity by id; null when there is none',
  })
  @Direct(entity)
  entity(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntityRecord | null> {
    return entity(undefined, { id }, ctx, info);
  }

  @Query(() => EntityConnection, {
    description: 'Entities, filtered and sorted, a page at a time',
  })
  entities(
    @Args() args: EntitiesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Omit<EntityConnection, 'totalCount'>> {
    const prefetch = prefetchFor(info, ['edges', 'node'], ctx);
    return ctx.services.entities.page(args.filter, args.orderBy, args, prefetch);
  }

  @FieldResolver(() => Number)
  totalCount(@Root() connection: EntityConnection, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.entities.count(connection.filter);
  }
}
