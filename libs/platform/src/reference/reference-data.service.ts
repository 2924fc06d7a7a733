import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type EventOf, referenceKey, type ReferenceKind } from '@sunshine/contracts';
import type { CategoryTaxon, RoutingRuleSet, Taxonomy } from '@sunshine/domain';
import { type Observable, Subject } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';

import { DeadlineContextSource, type DeadlineReference } from './deadline-context.source';
import { type ReferenceEventType, referenceIdOf, type ReferenceItem, type ReferencePayload, referenceValueOf } from './reference-item';
import { ReferenceState } from './reference-state';

/** One reference item changed: a newer revision of `kind:id` was applied. */
export interface ReferenceChange {
  readonly kind: ReferenceKind;
  readonly id: string;
  readonly revision: number;
  /** The revision held before, null when the item is new (it replaced the bundled default, if any). */
  readonly previousRevision: number | null;
}

/**
 * Runs inside the transaction that stores the new revision (the consumer's, with its processed-event row), once
 * per service: recompute stored due dates here. `current()` already answers with the new data. A throw rolls the
 * whole message back (retried, then dead-lettered).
 */
export type ReferenceChangeListener = (change: ReferenceChange, manager: EntityManager) => Promise<void> | void;

interface Row {
  kind: ReferenceKind;
  id: string;
  revision: number;
  payload: unknown;
  published_at: Date | null;
  published_by: string | null;
}

/** How often an instance re-reads the table for revisions another instance of the service applied. */
export const REFERENCE_REFRESH_MS = 2000;

/**
 * A service's replica of the reference data (holiday arrangements, deadline policies, the routing rule set in force,
 * the category table), fed by the compacted reference-data topic: the table is the truth, an in-memory copy answers
 * synchronously (`current()`, `activeRuleSet()`, `categoryTable()`), refreshed on each applied snapshot, at start and
 * every few seconds (another instance of the service may have applied it). An older revision never wins.
 */
@Injectable()
export class ReferenceDataService extends DeadlineContextSource implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReferenceDataService.name);
  private readonly listeners = new Set<ReferenceChangeListener>();
  private readonly changed = new Subject<ReferenceChange>();
  private state = ReferenceState.empty();
  private tableSignature = '';
  private timer?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) => this.logger.warn(`reference data refresh failed: ${String(error)}`));
    }, REFERENCE_REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.changed.complete();
  }

  /** The calendar (bundled years + published ones) and the jurisdictions' deadline policies. */
  current(): DeadlineReference {
    return { calendar: this.state.calendar, policies: this.state.policies };
  }

  /** The routing rule set in force (the built-in default of 《信访工作条例》 until routing publishes one). */
  activeRuleSet(): RoutingRuleSet {
    return this.state.ruleSet;
  }

  /** The category code table `id` (`default` unless a jurisdiction's own), the platform's defaults until published. */
  categoryTable(id?: string): Taxonomy<string, CategoryTaxon> {
    return this.state.categories(id);
  }

  /** The items of one kind held here (e.g. the loaded calendar years), by id. */
  items<K extends ReferenceKind>(kind: K): Array<ReferenceItem<K>> {
    return this.state.items(kind);
  }

  item<K extends ReferenceKind>(kind: K, id: string): ReferenceItem<K> | undefined {
    return this.state.item(kind, id);
  }

  /** Registers a transactional hook (see ReferenceChangeListener); returns its removal. */
  onChange(listener: ReferenceChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every change this instance's in-memory copy takes, after the fact (also those another instance applied). */
  get changes(): Observable<ReferenceChange> {
    return this.changed.asObservable();
  }

  /**
   * Applies a consumed snapshot in the consumer's transaction when its revision is newer than the one held, then
   * runs the hooks. Returns false for an older or equal revision. Throws on data the domain refuses.
   */
  async apply<T extends ReferenceEventType>(m: EntityManager, event: EventOf<T>): Promise<boolean> {
    const kind = event.type.slice('reference.'.length) as ReferenceKind;
    const payload = event.payload as ReferencePayload<typeof kind>;
    const id = referenceIdOf(kind, payload);
    const item: ReferenceItem = {
      kind,
      id,
      revision: payload.revision,
      payload,
      value: referenceValueOf(kind, payload),
      publishedAt: event.occurredAt,
      publishedBy: event.actor.id,
    };
    const stored = await m.query<unknown[]>(
      `INSERT INTO reference_data (kind, id, revision, payload, event_id, published_at, published_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (kind, id) DO UPDATE SET revision = $3, payload = $4, event_id = $5, published_at = $6, published_by = $7, applied_at = now()
       WHERE reference_data.revision < EXCLUDED.revision
       RETURNING id`,
      [kind, id, item.revision, JSON.stringify(payload), event.id, event.occurredAt, event.actor.id],
    );
    if (stored.length === 0) return false;
    const before = this.state;
    const change: ReferenceChange = { kind, id, revision: item.revision, previousRevision: before.item(kind, id)?.revision ?? null };
    this.state = before.withItems([item]);
    try {
      for (const listener of this.listeners) await listener(change, m);
    } catch (error) {
      this.state = before;
      throw error;
    }
    this.logger.log(`reference ${referenceKey(kind, id)} revision ${item.revision} applied`);
    this.changed.next(change);
    return true;
  }

  /**
   * Takes the revisions stored in the table that are newer than those held in memory. Never goes back to an older
   * one: a revision applied here whose transaction did not commit comes again (the message is redelivered).
   */
  async refresh(m: EntityManager = this.dataSource.manager): Promise<void> {
    const [sig] = await m.query<Array<{ signature: string | null }>>(
      `SELECT string_agg(kind || ':' || id || '@' || revision, ',' ORDER BY kind, id) AS signature FROM reference_data`,
    );
    const signature = sig?.signature ?? '';
    if (signature === this.tableSignature) return;
    const rows = await m.query<Row[]>(`SELECT kind, id, revision, payload, published_at, published_by FROM reference_data`);
    const items = rows.map((r) => this.itemOf(r)).filter((i): i is ReferenceItem => i !== null);
    const before = this.state;
    this.state = before.withItems(items);
    this.tableSignature = signature;
    for (const item of items) {
      const held = before.item(item.kind, item.id);
      if (!held || held.revision < item.revision) {
        this.changed.next({ kind: item.kind, id: item.id, revision: item.revision, previousRevision: held?.revision ?? null });
      }
    }
  }

  private itemOf(r: Row): ReferenceItem | null {
    try {
      const payload = r.payload as ReferencePayload<typeof r.kind>;
      return {
        kind: r.kind,
        id: r.id,
        revision: Number(r.revision),
        payload,
        value: referenceValueOf(r.kind, payload),
        publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
        publishedBy: r.published_by,
      };
    } catch (error) {
      // Stored by an older release under looser rules: keep serving the rest rather than refuse to start.
      this.logger.error(`reference ${referenceKey(r.kind, r.id)} revision ${r.revision} is not valid here, ignored: ${String(error)}`);
      return null;
    }
  }
}
