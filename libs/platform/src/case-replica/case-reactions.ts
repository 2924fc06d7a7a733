import { Injectable } from '@nestjs/common';
import type { AnyCaseEvent, CaseLogEventType, EventOf } from '@sunshine/contracts';
import type { EntityManager } from 'typeorm';

import type { CaseChange } from './replica-case';

export type CaseReaction<E> = (m: EntityManager, change: CaseChange<E>) => Promise<void>;

/**
 * What a service does when an event was applied to its replica (consumed from the case log, or emitted by the service
 * itself), in the same transaction, after the fold. Register in `onModuleInit`; reactions run in registration order,
 * the type's own ones first, then those for every type ('*').
 */
@Injectable()
export class CaseReactions {
  private readonly byType = new Map<string, Array<CaseReaction<AnyCaseEvent>>>();

  on<T extends CaseLogEventType>(type: T, reaction: CaseReaction<EventOf<T>>): void;
  on(type: '*', reaction: CaseReaction<AnyCaseEvent>): void;
  on(type: string, reaction: CaseReaction<never>): void {
    const list = this.byType.get(type) ?? [];
    list.push(reaction as CaseReaction<AnyCaseEvent>);
    this.byType.set(type, list);
  }

  async run(m: EntityManager, change: CaseChange<AnyCaseEvent>): Promise<void> {
    for (const reaction of [...(this.byType.get(change.event.type) ?? []), ...(this.byType.get('*') ?? [])]) {
      await reaction(m, change);
    }
  }
}
