import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { WRITERS } from '../auth/roles';
import { JSONObjectScalar } from '../common/scalars';
import type { Context } from '../server/context';
import type { IngestResult } from './ingest.service';

@ObjectType()
export class MergedMention {
  @Field(() => ID, { description: 'The id the document used' })
  mention!: string;

  @Field(() => ID, { description: 'The existing entity it was resolved to' })
  entity!: string;
}

@ObjectType({ description: 'What ingesting a document did' })
export class IngestPayload {
  @Field(() => ID)
  articleId!: string;

  @Field(() => [ID], { description: 'Entities the document introduced' })
  created!: string[];

  @Field(() => [MergedMention], { description: 'Mentions joined to entities already in the graph' })
  merged!: MergedMention[];

  @Field(() => Int, { description: 'Facts written (MENTIONS included); the same document again writes the same' })
  facts!: number;
}

@Resolver()
export class IngestResolver {
  @Authorized(WRITERS)
  @Mutation(() => IngestPayload, {
    description:
      'Add an article and its facts (the seeds/*.json format). Mentions are resolved to existing entities by id, ' +
      'name or alias; ambiguous ones reject the document (state "sameAs"). All or nothing.',
  })
  ingestDocument(
    @Arg('document', () => JSONObjectScalar) document: Record<string, unknown>,
    @Arg('sourceText', { description: 'The article text every quote must be a verbatim span of' }) sourceText: string,
    @Ctx() ctx: Context,
  ): Promise<IngestResult> {
    return ctx.services.ingest.ingest(document, sourceText);
  }
}
