import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import { Direction, EntityKindEnum, RelationshipTypeEnum } from '../graph/enums';
import type { EntityKind, RelationshipType } from '../graph/ontology';

@InputType({
  description: 'The part of the graph an algorithm sees. Every analytics field takes one; all parts are optional.',
})
export class GraphScope {
  @Field(() => [EntityKindEnum], { nullable: true, description: 'Only entities of these kinds; default: all' })
  kinds?: EntityKind[] | null;

  @Field(() => [RelationshipTypeEnum], {
    nullable: true,
    description: 'Only facts of these types; default: every type but MENTIONS',
  })
  types?: RelationshipType[] | null;

  @Field(() => Direction, {
    nullable: true,
    description: 'OUT: facts as stored, IN: reversed, BOTH (default): direction ignored',
  })
  direction?: Direction | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Only facts valid on this day: validFrom <= asOf <= validTo, a missing bound being open. A fact with no time counts as always valid.',
  })
  asOf?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'A generated graph (npm run gen -- --namespace NAME); default: the article graph',
  })
  namespace?: string | null;
}
