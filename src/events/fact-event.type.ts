import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum FactChange {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
  INGESTED = 'INGESTED',
}
registerEnumType(FactChange, { name: 'FactChange' });

@ObjectType({ description: 'Something in the graph changed: announced after the write committed' })
export class FactEvent {
  @Field(() => FactChange)
  change!: FactChange;

  @Field(() => String, { nullable: true, description: 'Relationship type, or the entity kind for entity changes' })
  type?: string | null;

  @Field(() => ID, { description: 'The fact, entity or article that changed' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The article the change cites' })
  articleId?: string | null;

  @Field(() => [ID], { description: 'Entities touched: to follow one entity, filter on these' })
  entityIds!: string[];
}
