import { DeadLetterEntity } from './dead-letter.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { ParkedMessageEntity } from './parked-message.entity';
import { ProcessedEventEntity } from './processed-event.entity';

/** The messaging tables every service has in its own schema. */
export const MESSAGING_ENTITIES = [OutboxMessageEntity, ProcessedEventEntity, DeadLetterEntity, ParkedMessageEntity];
