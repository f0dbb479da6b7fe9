import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BigIntScalar, DateScalar, JSONObjectScalar } from '../common/scalars';
import { Entity, type EntityRecord } from '../entity/entity.type';
import { Direction, RelationshipTypeEnum } from '../graph/enums';
import type { RelationshipType } from '../graph/ontology';

@ObjectType({
  simpleResolvers: true,
  description: 'Where a fact comes from: the article, the Korean span that states it, and when',
})
export class Provenance {
  @Field(() => ID, { description: 'Id of the source Article' })
  articleId!: string;

  @Field({ description: 'The Korean text span that states the fact, verbatim' })
  quote!: string;

  @Field(() => String, {
    nullable: true,
    description: 'When, as stated: 2021-05-24, 2021-05, 2021, 2021-H2, 2021-Q1',
  })
  time?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day of `time`',
  })
  validFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of `time`',
  })
  validTo?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Publication date of the source article (what `asOf` on relationships and claims compares)',
  })
  sourceDate?: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A fact: a typed relationship between two entities, with its provenance',
})
export class Relationship {
  @Field(() => ID, { description: 'Stable id of the fact (unique per type)' })
  id!: string;

  @Field(() => RelationshipTypeEnum)
  type!: RelationshipType;

  @Field(() => Entity)
  from!: EntityRecord;

  @Field(() => Entity)
  to!: EntityRecord;

  @Field(() => Direction, {
    nullable: true,
    description: 'As seen from the entity asked about',
  })
  direction?: Direction | null;

  @Field(() => Entity, {
    nullable: true,
    description: 'The other end, as seen from the entity asked about',
  })
  other?: EntityRecord | null;

  @Field(() => JSONObjectScalar, {
    description: 'Type-specific properties (64-bit integers beyond 2^53 as strings)',
  })
  properties!: Record<string, unknown>;

  @Field(() => Provenance)
  provenance!: Provenance;
}

@ObjectType({
  simpleResolvers: true,
  description: 'An amount of money; vague amounts keep a range and the printed text',
})
export class Money {
  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'Exact amount, when the source gives one',
  })
  amount?: number | bigint | null;

  @Field(() => BigIntScalar, { nullable: true })
  amountMin?: number | bigint | null;

  @Field(() => BigIntScalar, { nullable: true })
  amountMax?: number | bigint | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217' })
  currency?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'As printed, e.g. 1억달러, 수백억 원',
  })
  text?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'An INVESTS_IN fact' })
export class Investment extends Relationship {
  @Field(() => Money, { nullable: true })
  amount?: Money | null;

  @Field(() => Int, { nullable: true })
  durationYears?: number | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A TARGETS_PARAMS fact: a parameter-count goal and when',
})
export class ParameterTarget extends Relationship {
  @Field(() => BigIntScalar)
  parameterCount!: number | bigint;
}

@ObjectType({ simpleResolvers: true, description: 'A WORKS_FOR fact: a person and a role' })
export class Employment extends Relationship {
  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => String, { nullable: true })
  roleKo?: string | null;
}
