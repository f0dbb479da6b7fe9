import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { EntityKindEnum } from '../graph/enums';
import type { EntityKind } from '../graph/ontology';
import type { Context } from '../server/context';
import { SearchHit } from './search-hit.type';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description: 'Entities whose names or aliases match, in Korean or English, best first',
  })
  search(
    @Arg('query', { description: '카이스트, 서울대, Naver, LG AI ...' })
    query: string,
    @Arg('kinds', () => [EntityKindEnum], { nullable: true })
    kinds: EntityKind[] | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100' })
    first: number,
    @Ctx() ctx: Context,
  ): Promise<SearchHit[]> {
    return ctx.services.search.search(query, kinds, first);
  }
}
