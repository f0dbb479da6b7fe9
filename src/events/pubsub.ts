import { createPubSub } from '@graphql-yoga/subscription';
import type { FactEvent } from './fact-event.type';

export const FACTS_CHANGED = 'FACTS_CHANGED';

/**
 * In-process pub/sub: every subscriber connected to this replica hears every committed change.
 * (Replicas behind a load balancer each announce only their own writes; a shared event target such
 * as Redis would be passed to createPubSub here.)
 */
export const pubSub = createPubSub<{ [FACTS_CHANGED]: [FactEvent] }>();

export type PublishFactEvent = (event: FactEvent) => void;

export const publishFactEvent: PublishFactEvent = (event) => pubSub.publish(FACTS_CHANGED, event);
