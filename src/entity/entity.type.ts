import { Field, ID, InterfaceType } from 'type-graphql';
import { EntityKindEnum } from '../graph/enums';
import type { EntityKind } from '../graph/ontology';

/** An entity as the services hand it over: its properties plus its kind. */
export interface EntityRecord {
  id: string;
  kind: EntityKind;
  name: string;
  nameKo?: string | null;
  aliases: string[];
  [property: string]: unknown;
}

@InterfaceType('Entity', {
  description: 'Anything the articles name. One object type per kind implements it.',
  resolveType: (value: EntityRecord) => value.kind,
})
export abstract class Entity {
  @Field(() => ID, { description: 'Stable slug, e.g. naver, kaist, gpt-3' })
  id!: string;

  @Field(() => EntityKindEnum)
  kind!: EntityKind;

  @Field({ description: 'English name' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Korean name, as written (NFC)',
  })
  nameKo?: string | null;

  @Field(() => [String], {
    description: 'Other names in both languages and short forms',
  })
  aliases!: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  descriptionKo?: string | null;
}
