import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../server/context';
import { EntitiesArgs } from './entity.args';
import { EntityConnection } from './entity-connection.type';
import { Entity, type EntityRecord } from './entity.type';

@Resolver(() => EntityConnection)
export class EntityResolver {
  @Query(() => Entity, {
    nullable: true,
    description: 'One entity by id; null when there is none',
  })
  entity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<EntityRecord | null> {
    return ctx.loaders.entity.load(id);
  }

  @Query(() => EntityConnection, {
    description: 'Entities, filtered and sorted, a page at a time',
  })
  entities(@Args() args: EntitiesArgs, @Ctx() ctx: Context): Promise<Omit<EntityConnection, 'totalCount'>> {
    return ctx.services.entities.page(args.filter, args.orderBy, args);
  }

  @FieldResolver(() => Number)
  totalCount(@Root() connection: EntityConnection, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.entities.count(connection.filter);
  }
}
