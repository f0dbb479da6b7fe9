import { Authorized, Field, Float, Int, ObjectType } from 'type-graphql';
import { BigIntScalar, DateScalar, DateTimeScalar } from '../common/scalars';
import { Entity } from './entity.type';

/** One object type per entity kind; relation fields are added by each kind's resolver. */

@ObjectType({
  simpleResolvers: true,
  implements: Entity,
  description: 'A company, university, conglomerate or publisher',
})
export class Organization extends Entity {
  @Field(() => String, {
    nullable: true,
    description: 'company | conglomerate | university | graduate_school | publisher | business_unit',
  })
  orgType?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2' })
  country?: string | null;

  @Field(() => String, { nullable: true })
  ticker?: string | null;

  @Field(() => String, { nullable: true })
  exchange?: string | null;
}

// Simple like every kind, but for `email`: its @Authorized check runs in type-graphql's per-field
// wrapper, which `simple: false` keeps for that field alone. Without simple resolvers every plain
// field of a person (and every `from { id }` that ends at one) took that wrapper and graphql-jit's
// resolver call, with its resolve info, on each read.
@ObjectType({
  simpleResolvers: true,
  implements: Entity,
  description: 'A named person or an anonymous source',
})
export class Person extends Entity {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  titleKo?: string | null;

  @Authorized('reader')
  @Field(() => String, {
    nullable: true,
    simple: false,
    description: 'Personal data: needs a role (reader or above)',
  })
  email?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'An unnamed source such as 업계 관계자',
  })
  anonymous?: boolean | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'An AI model' })
export class AIModel extends Entity {
  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'Parameters, as the source states',
  })
  parameterCount?: number | bigint | null;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => Boolean, { nullable: true })
  openSource?: boolean | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: Entity,
  description: 'A lab, institute or joint research centre',
})
export class ResearchCenter extends Entity {
  @Field(() => Int, {
    nullable: true,
    description: 'People working there (or planned capacity)',
  })
  headcount?: number | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A building or site' })
export class Facility extends Entity {
  @Field(() => String, { nullable: true })
  location?: string | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: Entity,
  description: 'A conference, launch or other event',
})
export class Event extends Entity {
  @Field(() => DateScalar, { nullable: true })
  startsOn?: string | null;

  @Field(() => Boolean, { nullable: true })
  online?: boolean | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A joint programme or goal' })
export class Project extends Entity {
  @Field(() => Int, {
    nullable: true,
    description: 'Research tasks or sub-projects',
  })
  taskCount?: number | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A research area' })
export class Topic extends Entity {}

@ObjectType({
  simpleResolvers: true,
  implements: Entity,
  description: 'A source article; every fact cites one',
})
export class Article extends Entity {
  @Field(() => DateScalar, { nullable: true })
  publishedOn?: string | null;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Path of the source text in the repository',
  })
  sourceFile?: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A quoted statement' })
export class Statement extends Entity {
  @Field(() => String, { nullable: true, description: 'Verbatim, in Korean' })
  text?: string | null;

  @Field(() => String, { nullable: true })
  textEn?: string | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: Entity,
  description: 'A stock price quote printed in an article',
})
export class StockQuote extends Entity {
  @Field(() => String, { nullable: true })
  ticker?: string | null;

  @Field(() => String, { nullable: true })
  exchange?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217' })
  currency?: string | null;

  @Field(() => BigIntScalar, { nullable: true })
  price?: number | bigint | null;

  @Field(() => BigIntScalar, { nullable: true })
  change?: number | bigint | null;

  @Field(() => Float, { nullable: true })
  changePercent?: number | null;

  @Field(() => BigIntScalar, { nullable: true })
  volume?: number | bigint | null;

  @Field(() => BigIntScalar, { nullable: true })
  previousClose?: number | bigint | null;

  @Field(() => DateTimeScalar, { nullable: true })
  asOf?: string | null;

  @Field(() => Int, { nullable: true })
  delayMinutes?: number | null;
}

export const KIND_TYPES = [
  Organization,
  Person,
  AIModel,
  ResearchCenter,
  Facility,
  Event,
  Project,
  Topic,
  Article,
  Statement,
  StockQuote,
] as const;
