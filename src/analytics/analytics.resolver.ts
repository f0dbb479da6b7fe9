import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { EntityKindEnum } from '../graph/enums';
import type { EntityKind } from '../graph/ontology';
import type { Context } from '../server/context';
import { DEFAULT_COMMUNITIES, DEFAULT_MEMBERS, DEFAULT_SIMILAR, DEFAULT_TOP } from './analytics.limits';
import { GraphScope } from './analytics.args';
import { CentralityMeasure, CommunityAlgorithm } from './analytics.enums';
import { CentralityScore, CommunityList, SimilarEntity } from './analytics.type';
import { resolveScope } from './scope';

const SCOPE_DOC = 'Kinds, fact types, direction, date and namespace the algorithm sees; default: the article graph';

@Resolver()
export class AnalyticsResolver {
  @Query(() => [CentralityScore], {
    description: 'The most central entities by a Graph Data Science centrality measure, highest first',
  })
  centrality(
    @Arg('measure', () => CentralityMeasure) measure: CentralityMeasure,
    @Arg('scope', () => GraphScope, { nullable: true, description: SCOPE_DOC }) scope: GraphScope | null,
    @Arg('top', () => Int, { defaultValue: DEFAULT_TOP, description: 'How many, at most 100 (per kind with perKind)' })
    top: number,
    @Arg('rankKinds', () => [EntityKindEnum], {
      nullable: true,
      description: 'Rank only these kinds; the scores still come from the whole scope',
    })
    rankKinds: EntityKind[] | null,
    @Arg('perKind', { defaultValue: false, description: 'Top `top` of each kind, grouped by kind' })
    perKind: boolean,
    @Ctx() ctx: Context,
  ): Promise<CentralityScore[]> {
    return ctx.services.analytics.centrality.centrality(measure, resolveScope(scope), { top, rankKinds, perKind });
  }

  @Query(() => CommunityList, { description: 'Communities (blocs) or connected components, largest first' })
  communities(
    @Arg('algorithm', () => CommunityAlgorithm, { defaultValue: CommunityAlgorithm.LOUVAIN })
    algorithm: CommunityAlgorithm,
    @Arg('scope', () => GraphScope, { nullable: true, description: SCOPE_DOC }) scope: GraphScope | null,
    @Arg('top', () => Int, { defaultValue: DEFAULT_COMMUNITIES, description: 'How many communities, at most 100' })
    top: number,
    @Arg('maxMembers', () => Int, { defaultValue: DEFAULT_MEMBERS, description: 'Members listed each, at most 200' })
    maxMembers: number,
    @Ctx() ctx: Context,
  ): Promise<CommunityList> {
    return ctx.services.analytics.centrality.communities(algorithm, resolveScope(scope), top, maxMembers);
  }

  @Query(() => [SimilarEntity], {
    description: 'Entities that resemble this one by the neighbours they share (GDS node similarity, Jaccard)',
  })
  similarEntities(
    @Arg('id', () => ID) id: string,
    @Arg('scope', () => GraphScope, { nullable: true, description: SCOPE_DOC }) scope: GraphScope | null,
    @Arg('top', () => Int, { defaultValue: DEFAULT_SIMILAR, description: 'How many, at most 50' }) top: number,
    @Arg('rankKinds', () => [EntityKindEnum], {
      nullable: true,
      description: 'Only list these kinds (applied after the top is taken, so fewer may come back)',
    })
    rankKinds: EntityKind[] | null,
    @Ctx() ctx: Context,
  ): Promise<SimilarEntity[]> {
    return ctx.services.analytics.similarity.similar(id, resolveScope(scope), top, rankKinds);
  }
}
