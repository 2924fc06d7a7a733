import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { ReferenceChange, ReferenceDataService } from './reference-data.service';

/**
 * What a service does when reference data arrives on the topic (a holiday year, a deadline policy …), e.g. recount the
 * dues it stores: extend it and implement onReferenceChange. It is registered with ReferenceDataService.onChange while
 * the module lives, so it runs in the consumer's transaction, once per service, with current() already answering with
 * the new data (a throw rolls back the snapshot too).
 */
export abstract class ReferenceChangeSubscriber implements OnModuleInit, OnModuleDestroy {
  private off?: () => void;

  protected constructor(protected readonly reference: ReferenceDataService) {}

  onModuleInit(): void {
    this.off = this.reference.onChange((change, m) => this.onReferenceChange(change, m));
  }

  onModuleDestroy(): void {
    this.off?.();
  }

  protected abstract onReferenceChange(change: ReferenceChange, m: EntityManager): Promise<void>;
}
