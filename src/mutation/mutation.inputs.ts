import { Field, ID, InputType } from 'type-graphql';
import { JSONObjectScalar } from '../common/scalars';
import { EntityKindEnum, RelationshipTypeEnum } from '../graph/enums';
import type { EntityKind, RelationshipType } from '../graph/ontology';

@InputType({
  description: 'Where a written fact comes from: required on every write',
})
export class ProvenanceInput {
  @Field(() => ID, { description: 'An existing Article entity' })
  articleId!: string;

  @Field({ description: 'The span of the article that states it, verbatim' })
  quote!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD, YYYY-MM, YYYY, YYYY-H1/H2 or YYYY-Q1..Q4',
  })
  time?: string | null;
}

@InputType()
export class CreateEntityInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Slug (a-z, 0-9, -); made from the name when omitted',
  })
  id?: string | null;

  @Field(() => EntityKindEnum)
  kind!: EntityKind;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameKo?: string | null;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  descriptionKo?: string | null;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: 'The kind\'s own properties, e.g. {parameterCount: "600000000000"}',
  })
  properties?: Record<string, unknown> | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;
}

@InputType({
  description: 'Fields to change; a property set to null is removed',
})
export class UpdateEntityInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  nameKo?: string | null;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  descriptionKo?: string | null;

  @Field(() => JSONObjectScalar, { nullable: true })
  properties?: Record<string, unknown> | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;
}

@InputType()
export class CreateRelationshipInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Fact id (slug); generated when omitted',
  })
  id?: string | null;

  @Field(() => RelationshipTypeEnum)
  type!: RelationshipType;

  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => JSONObjectScalar, { nullable: true })
  properties?: Record<string, unknown> | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;
}

@InputType()
export class UpdateRelationshipInput {
  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: 'A property set to null is removed',
  })
  properties?: Record<string, unknown> | null;

  @Field(() => ProvenanceInput, {
    description: 'Replaces the fact’s provenance',
  })
  provenance!: ProvenanceInput;
}
