import { Inject, Injectable, Logger, type OnModuleInit, Optional } from '@nestjs/common';
import { z } from 'zod';

import { ServiceTokenProvider } from '../auth/service-token.provider';
import { loadServiceEnv, type PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../config/platform-config.token';
import { AuditArchiveScheduler } from './audit-archive.scheduler';
import { AuditTrail, type ImportedAuditItem } from './audit-trail.service';
import {
  adminAuditItem,
  KEYCLOAK_ADMIN_EVENTS,
  KEYCLOAK_EVENTS_EXPIRATION_S,
  KEYCLOAK_LOGIN_EVENTS,
  type KeycloakAdminEvent,
  type KeycloakEvent,
  signInAuditItem,
} from './keycloak-events';

export const KEYCLOAK_EVENTS_JOB = 'keycloak-events';
export const KEYCLOAK_EVENTS_SCHEDULER_ID = 'keycloak-events-import';
/** Events asked for per request (Keycloak's `max`), and at most this many pages per run (the next run goes on). */
export const KEYCLOAK_EVENTS_PAGE = 100;
const MAX_PAGES = 50;
/** Each run asks again from this long before the last imported event: events stored late by another Keycloak node. */
const OVERLAP_MS = 60_000;
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * The ids of imported events are kept this much longer than Keycloak keeps the events: its expiry runs every 15
 * minutes, not at the instant, and its clock and this service's may differ.
 */
export const KEYCLOAK_EVENTS_PRUNE_MARGIN_MS = 86_400_000;

/**
 * Ids of imported events that happened before this instant may be forgotten: Keycloak, keeping its events `keptMs`,
 * no longer has them (undefined when it keeps them for ever).
 */
export function importedIdsExpireBefore(now: Date, keptMs: number | undefined): Date | undefined {
  return keptMs === undefined ? undefined : new Date(now.getTime() - keptMs - KEYCLOAK_EVENTS_PRUNE_MARGIN_MS);
}

/** Who a subject is in the service's own directory (unit, roles), for the records of their sign-ins. */
export interface AuditSubjectDirectory {
  lookup(subjects: readonly string[]): Promise<ReadonlyMap<string, { unitId: string; roles: readonly string[] }>>;
}
/** Optional provider of AuditSubjectDirectory (routing: its staff directory). */
export const AUDIT_SUBJECT_DIRECTORY = Symbol('AUDIT_SUBJECT_DIRECTORY');

const importEnv = z.object({
  /** Keycloak's base URL as the service reaches it (e.g. http://keycloak:8080): the import is off without it. */
  KEYCLOAK_URL: z.url().optional(),
  KEYCLOAK_REALM: z
    .string()
    .regex(/^[\w.-]+$/)
    .default('sunshine'),
  /** How often the import runs, in seconds. */
  KEYCLOAK_EVENTS_EVERY_S: z.coerce.number().int().min(5).max(86400).default(60),
  /** Where the first import starts (ISO instant); without it, everything Keycloak still keeps. */
  KEYCLOAK_EVENTS_SINCE: z.iso.datetime({ offset: true }).optional(),
  /** How long the realm keeps its events (eventsExpiration, adminEventsExpiration), in seconds; 0: for ever. */
  KEYCLOAK_EVENTS_EXPIRATION_S: z.coerce.number().int().min(0).default(KEYCLOAK_EVENTS_EXPIRATION_S),
});

export interface KeycloakEventsSettings {
  readonly adminUrl: string;
  readonly everyMs: number;
  readonly since?: Date;
  /** How long Keycloak keeps the events (undefined: for ever, and no imported id is ever forgotten). */
  readonly keptMs?: number;
}

/** The import's settings, or undefined when KEYCLOAK_URL is not set (development without Keycloak). */
export function loadKeycloakEventsSettings(source: NodeJS.ProcessEnv = process.env): KeycloakEventsSettings | undefined {
  const env = loadServiceEnv(importEnv, source);
  if (!env.KEYCLOAK_URL) return undefined;
  return {
    adminUrl: `${env.KEYCLOAK_URL.replace(/\/+$/, '')}/admin/realms/${env.KEYCLOAK_REALM}`,
    everyMs: env.KEYCLOAK_EVENTS_EVERY_S * 1000,
    since: env.KEYCLOAK_EVENTS_SINCE ? new Date(env.KEYCLOAK_EVENTS_SINCE) : undefined,
    keptMs: env.KEYCLOAK_EVENTS_EXPIRATION_S > 0 ? env.KEYCLOAK_EVENTS_EXPIRATION_S * 1000 : undefined,
  };
}

export interface KeycloakImportOutcome {
  readonly signIns: number;
  readonly adminEvents: number;
  /** Ids of events Keycloak no longer keeps, forgotten in audit_import. */
  readonly pruned: number;
}

/**
 * 身份认证事件入审计 Keycloak's login events (sign-ins, failures, lock-outs, sign-outs, credentials) and admin events
 * (role grants, users, clients: configuration changes) into this service's audit trail. A BullMQ job scheduler on the
 * service's audit queue (`keycloak-events-import`, every KEYCLOAK_EVENTS_EVERY_S seconds) reads
 * `GET /admin/realms/{realm}/events` and `/admin-events` (oldest first, paged by `first`/`max`, from `dateFrom` = the
 * last imported event's time less a minute) with the service's own client-credentials token (its client alone has
 * realm-management `view-events`, tools/keycloak-realm.ts), and appends one record per event through
 * AuditTrail.appendImported: idempotent by Keycloak's event id, so a retry or a second replica never doubles one.
 * Keycloak unreachable or refusing: the job fails (logged), the next run tries again, the service goes on; Keycloak
 * keeps its events 7 days (KEYCLOAK_EVENTS_EXPIRATION_S). Each run first forgets in `audit_import` the ids of events
 * older than that and a day (importedIdsExpireBefore): Keycloak cannot return them again, so the table does not grow
 * for ever; a source's latest id stays (where the import resumes). Nothing of this is published on Kafka. On when
 * KEYCLOAK_URL is set and the service has client credentials (AUTH_TOKEN_URL); production refuses to start with
 * KEYCLOAK_URL but without them.
 */
@Injectable()
export class KeycloakEventsImporter implements OnModuleInit {
  private readonly logger = new Logger(KeycloakEventsImporter.name);
  readonly settings?: KeycloakEventsSettings;

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    private readonly trail: AuditTrail,
    private readonly tokens: ServiceTokenProvider,
    private readonly scheduler: AuditArchiveScheduler,
    @Optional() @Inject(AUDIT_SUBJECT_DIRECTORY) private readonly directory?: AuditSubjectDirectory,
  ) {
    const settings = loadKeycloakEventsSettings();
    if (settings && !config.auth.clientCredentials) {
      const problem = `KEYCLOAK_URL is set but ${config.service} has no client credentials (AUTH_TOKEN_URL, SERVICE_CLIENT_SECRET_FILE): Keycloak's events are not imported`;
      if (config.env === 'production') throw new Error(problem);
      this.logger.warn(problem);
      return;
    }
    this.settings = settings;
  }

  onModuleInit(): void {
    if (!this.settings) return;
    this.scheduler.addJob({
      name: KEYCLOAK_EVENTS_JOB,
      schedulerId: KEYCLOAK_EVENTS_SCHEDULER_ID,
      repeat: { every: this.settings.everyMs },
      run: () => this.importNow(),
    });
  }

  /** One import of both kinds of events (the job's body), after forgetting the ids of events Keycloak no longer keeps. */
  async importNow(now: Date = new Date()): Promise<KeycloakImportOutcome> {
    if (!this.settings) throw new Error('the Keycloak events import is off (KEYCLOAK_URL)');
    // First, so that it goes on while Keycloak is unreachable.
    const pruned = await this.prune(now);
    const signIns = await this.importSource(KEYCLOAK_LOGIN_EVENTS, 'events', async (events: KeycloakEvent[]) => {
      const subjects = [...new Set(events.map((e) => e.userId).filter((s): s is string => typeof s === 'string'))];
      const known = subjects.length > 0 && this.directory ? await this.directory.lookup(subjects) : new Map();
      return events.map((e) => signInAuditItem(e, e.userId ? known.get(e.userId) : undefined));
    });
    const adminEvents = await this.importSource(KEYCLOAK_ADMIN_EVENTS, 'admin-events', async (events: KeycloakAdminEvent[]) =>
      events.map(adminAuditItem),
    );
    if (signIns + adminEvents > 0) this.logger.log(`Keycloak events imported: ${signIns} sign-in, ${adminEvents} admin`);
    return { signIns, adminEvents, pruned };
  }

  /**
   * audit_import would grow for ever: the ids of events older than Keycloak's retention and a day are forgotten (it
   * cannot return them again); never one Keycloak may still return, which the next import would append a second time.
   */
  private async prune(now: Date): Promise<number> {
    const before = importedIdsExpireBefore(now, this.settings?.keptMs);
    if (!before) return 0;
    let pruned = 0;
    for (const source of [KEYCLOAK_LOGIN_EVENTS, KEYCLOAK_ADMIN_EVENTS]) pruned += await this.trail.pruneImported(source, before);
    if (pruned > 0) this.logger.log(`audit_import: ${pruned} ids of events before ${before.toISOString()} forgotten`);
    return pruned;
  }

  private async importSource<E extends { readonly time: number }>(
    source: string,
    path: string,
    items: (events: E[]) => Promise<ImportedAuditItem[]>,
  ): Promise<number> {
    const settings = this.settings;
    if (!settings) return 0;
    const upTo = await this.trail.importedUpTo(source);
    // Never before KEYCLOAK_EVENTS_SINCE, the overlap included: what came before it is not this trail's.
    const since = settings.since?.getTime();
    const from = upTo ? Math.max(upTo.getTime() - OVERLAP_MS, since ?? 0) : since;
    let appended = 0;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const query = new URLSearchParams({
        direction: 'asc',
        first: String(page * KEYCLOAK_EVENTS_PAGE),
        max: String(KEYCLOAK_EVENTS_PAGE),
      });
      if (from !== undefined) query.set('dateFrom', String(Math.max(0, from)));
      const events = await this.get<E[]>(`${settings.adminUrl}/${path}?${query.toString()}`);
      appended += await this.trail.appendImported(source, await items(events.filter((e) => since === undefined || e.time >= since)));
      if (events.length < KEYCLOAK_EVENTS_PAGE) break;
    }
    return appended;
  }

  private async get<T>(url: string): Promise<T> {
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${await this.tokens.token()}`, accept: 'application/json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    // The status only: never the token, never the answer's body.
    if (res.status !== 200) throw new Error(`Keycloak refused ${new URL(url).pathname}: ${res.status}`);
    const body = (await res.json()) as unknown;
    if (!Array.isArray(body)) throw new Error(`Keycloak answered ${new URL(url).pathname} without a list`);
    return body as T;
  }
}
