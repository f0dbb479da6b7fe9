import { Arg, ID, Resolver, Root, Subscription, type SubscriptionHandlerData } from 'type-graphql';
import { FactEvent } from './fact-event.type';
import { FACTS_CHANGED } from './pubsub';

interface Args {
  entityId?: string | null;
}

@Resolver()
export class FactEventsResolver {
  @Subscription(() => FactEvent, {
    topics: FACTS_CHANGED,
    filter: ({ payload, args }: SubscriptionHandlerData<FactEvent, Args>) =>
      !args.entityId || payload.entityIds.includes(args.entityId),
    description: 'New and changed facts as they commit (over graphql-ws at /graphql)',
  })
  factsChanged(
    @Root() event: FactEvent,
    @Arg('entityId', () => ID, { nullable: true, description: 'Only changes touching this entity' })
    _entityId: string | null,
  ): FactEvent {
    return event;
  }
}
