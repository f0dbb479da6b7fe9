import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { DateScalar } from '../common/scalars';

export enum ClaimPolicy {
  ALL = 'ALL',
  LATEST = 'LATEST',
  BEST_SUPPORTED = 'BEST_SUPPORTED',
}
registerEnumType(ClaimPolicy, {
  name: 'ClaimPolicy',
  description: 'ALL: every claim, newest first; LATEST: the newest; BEST_SUPPORTED: the value most sources state',
});

@ObjectType({ description: 'What one article states a property of an entity is' })
export class PropertyClaim {
  @Field()
  property!: string;

  @Field(() => GraphQLJSON, { description: 'The value as stated (integers beyond 2^53 as strings)' })
  value!: unknown;

  @Field(() => ID)
  articleId!: string;

  @Field({ description: 'The span of the article that states it' })
  quote!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Publication date of the article' })
  sourceDate?: string | null;

  @Field(() => Int, { description: 'How many articles state this same value' })
  support!: number;
}
