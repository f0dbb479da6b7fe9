import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Relationship } from '../relation/relationship.type';
import { EDGE_LABELS } from './edge-labels';

/** Captions for a drawn edge in both languages; nodes already carry `name` and `nameKo`. */
@Resolver(() => Relationship)
export class EdgeLabelResolver {
  @FieldResolver(() => String, { description: 'Caption of the fact type in English, e.g. "partners with"' })
  label(@Root() fact: Relationship): string {
    return EDGE_LABELS[fact.type].en;
  }

  @FieldResolver(() => String, { description: 'Caption of the fact type in Korean, e.g. "협력"' })
  labelKo(@Root() fact: Relationship): string {
    return EDGE_LABELS[fact.type].ko;
  }
}
