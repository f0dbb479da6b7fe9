import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EntityRecord } from '../entity/entity.type';
import { Article } from '../entity/kinds.type';
import type { Context } from '../server/context';
import { Provenance } from './relationship.type';

@Resolver(() => Provenance)
export class ProvenanceResolver {
  @FieldResolver(() => Article, {
    nullable: true,
    description: 'The source article (batched per request)',
  })
  article(@Root() provenance: Provenance, @Ctx() ctx: Context): Promise<EntityRecord | null> {
    return ctx.loaders.entity.load(provenance.articleId);
  }
}
