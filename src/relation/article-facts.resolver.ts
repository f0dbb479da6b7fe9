import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DEFAULT_PAGE_SIZE } from '../common/paging';
import type { EntityRecord } from '../entity/entity.type';
import { Article } from '../entity/kinds.type';
import { RelationshipTypeEnum } from '../graph/enums';
import type { RelationshipType } from '../graph/ontology';
import type { Context } from '../server/context';
import { RelationshipConnection } from './relationship-connection.type';
import { factWindow, toConnection } from './relationship-page';

@Resolver(() => Article)
export class ArticleFactsResolver {
  @FieldResolver(() => RelationshipConnection, {
    description: 'Every fact this article is the source of (not its MENTIONS), with quotes',
  })
  async facts(
    @Root() article: EntityRecord,
    @Arg('types', () => [RelationshipTypeEnum], { nullable: true })
    types: RelationshipType[] | null,
    @Arg('first', () => Int, {
      defaultValue: DEFAULT_PAGE_SIZE,
      description: 'At most MAX_PAGE_SIZE (500 unless configured)',
    })
    first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<RelationshipConnection> {
    const { window, after: cursor } = factWindow(first, after);
    const page = await ctx.loaders.facts.load({
      articleId: article.id,
      types: types?.length ? [...new Set(types)].sort() : null,
      limit: window.size,
      after: cursor,
    });
    return toConnection(page, cursor !== null);
  }
}
