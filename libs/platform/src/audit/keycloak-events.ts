import { sqlMigration } from '../database/sql-migration';
import { auditFieldsOf } from './audit-chain';
import type { ImportedAuditItem } from './audit-trail.service';

/** The `source` of Keycloak's login events in `audit_import`, and of its admin events. */
export const KEYCLOAK_LOGIN_EVENTS = 'keycloak';
export const KEYCLOAK_ADMIN_EVENTS = 'keycloak-admin';

/**
 * How long Keycloak keeps its login and admin events: the realm's `eventsExpiration` and `adminEventsExpiration`
 * (tools/keycloak-realm.ts). The audit trail keeps them 184 days; a week covers an importer outage. The importer
 * forgets the ids of events older than this (and a margin) in `audit_import`: Keycloak no longer has them to return.
 */
export const KEYCLOAK_EVENTS_EXPIRATION_S = 7 * 86400;

/** A login event as Keycloak's admin API returns it (GET /admin/realms/{realm}/events). */
export interface KeycloakEvent {
  readonly id: string;
  readonly time: number;
  readonly type: string;
  readonly clientId?: string | null;
  readonly userId?: string | null;
  readonly sessionId?: string | null;
  readonly ipAddress?: string | null;
  readonly error?: string | null;
  readonly details?: Readonly<Record<string, string>> | null;
}

/** An admin event (GET /admin/realms/{realm}/admin-events), with its representation when the realm keeps details. */
export interface KeycloakAdminEvent {
  readonly id: string;
  readonly time: number;
  readonly operationType: string;
  readonly resourceType?: string | null;
  readonly resourcePath?: string | null;
  readonly representation?: string | null;
  readonly error?: string | null;
  readonly authDetails?: {
    readonly realmId?: string | null;
    readonly clientId?: string | null;
    readonly userId?: string | null;
    readonly ipAddress?: string | null;
  } | null;
}

/** 事件 What each login event is called in the audit trail (zh-CN, what the audit administrator reads). */
export const KEYCLOAK_EVENT_ACTIONS: Readonly<Record<string, string>> = {
  LOGIN: '登录成功',
  LOGIN_ERROR: '登录失败',
  LOGOUT: '退出登录',
  LOGOUT_ERROR: '退出登录失败',
  CODE_TO_TOKEN_ERROR: '授权码换取令牌失败',
  REFRESH_TOKEN_ERROR: '令牌续期失败',
  CLIENT_LOGIN_ERROR: '服务客户端认证失败',
  UPDATE_PASSWORD: '修改口令',
  UPDATE_PASSWORD_ERROR: '修改口令失败',
  UPDATE_TOTP: '绑定动态口令',
  UPDATE_TOTP_ERROR: '绑定动态口令失败',
  REMOVE_TOTP: '解绑动态口令',
  UPDATE_CREDENTIAL: '设置凭据',
  UPDATE_CREDENTIAL_ERROR: '设置凭据失败',
  REMOVE_CREDENTIAL: '删除凭据',
  RESET_PASSWORD: '重置口令',
  RESET_PASSWORD_ERROR: '重置口令失败',
  USER_DISABLED_BY_TEMPORARY_LOCKOUT: '账号锁定（临时）',
  USER_DISABLED_BY_PERMANENT_LOCKOUT: '账号锁定（永久）',
  IMPERSONATE: '代理登录',
  DELETE_ACCOUNT: '删除账号',
};

/** 原因 Keycloak's error codes in words (the code itself is kept beside them). */
export const KEYCLOAK_ERRORS: Readonly<Record<string, string>> = {
  invalid_user_credentials: '用户名或口令错误',
  user_temporarily_disabled: '账号已锁定（登录失败次数过多）',
  user_disabled: '账号已停用',
  user_not_found: '用户不存在',
  invalid_client_credentials: '客户端凭据错误',
  invalid_code: '授权码无效',
  expired_code: '授权码已过期',
  invalid_token: '令牌无效',
  session_expired: '会话已过期',
  user_session_not_found: '会话不存在',
  invalid_totp: '动态口令错误',
};

/**
 * The details of a login event the trail keeps: who and how, never a secret. Keycloak's details also hold token and
 * code ids (`token_id`, `refresh_token_id`, `code_id`) and redirect addresses: left out.
 */
const KEPT_DETAILS = [
  'username',
  'auth_method',
  'auth_type',
  'grant_type',
  'credential_type',
  'reason',
  'num_failures',
  'not_before',
] as const;

/** The admin resources whose representation is a list of roles: the role names are kept (who was granted what). */
const ROLE_RESOURCES = new Set(['REALM_ROLE_MAPPING', 'CLIENT_ROLE_MAPPING', 'CLIENT_SCOPE_MAPPING', 'REALM_SCOPE_MAPPING']);

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * One login event as an audit record (kind `sign-in`): subject = the Keycloak user id (the tokens' `sub`, the
 * directory's subject), its unit and roles from the service's directory when known; what (`action`, `event`), the
 * outcome and error in words, when (`occurredAt`, the event's own time; the record's `at` is when it was imported), from
 * where (`ip`), the client and session. No password, token or code is in a Keycloak event's kept details.
 */
export function signInAuditItem(e: KeycloakEvent, who?: { unitId: string; roles: readonly string[] }): ImportedAuditItem {
  const failed = e.type.endsWith('_ERROR');
  const kept: Record<string, string> = {};
  for (const k of KEPT_DETAILS) {
    const v = e.details?.[k];
    if (typeof v === 'string' && v !== '') kept[k] = v;
  }
  const fields = auditFieldsOf('sign-in', {
    subject: e.userId ?? null,
    unitId: who?.unitId ?? null,
    roles: [...(who?.roles ?? [])],
    ip: e.ipAddress ?? null,
    detail: {
      source: KEYCLOAK_LOGIN_EVENTS,
      eventId: e.id,
      event: e.type,
      action: KEYCLOAK_EVENT_ACTIONS[e.type] ?? e.type,
      outcome: failed ? 'failure' : 'success',
      ...(e.error ? { error: e.error, reason: KEYCLOAK_ERRORS[e.error] ?? e.error } : {}),
      occurredAt: iso(e.time),
      clientId: e.clientId ?? null,
      sessionId: e.sessionId ?? null,
      ...(Object.keys(kept).length > 0 ? { details: kept } : {}),
    },
  });
  return { id: e.id, occurredAt: new Date(e.time), fields };
}

/**
 * One admin event as a configuration change (kind `config-change`): who (the administrator's Keycloak user id, from
 * where), what (operation, resource type and path; for role mappings the roles' names), the outcome. The rest of the
 * representation is not kept: a user's representation may carry credentials.
 */
export function adminAuditItem(e: KeycloakAdminEvent): ImportedAuditItem {
  let roles: string[] | undefined;
  if (e.resourceType && ROLE_RESOURCES.has(e.resourceType) && e.representation) {
    try {
      const parsed = JSON.parse(e.representation) as unknown;
      if (Array.isArray(parsed))
        roles = parsed
          .map((r) => (r && typeof r === 'object' ? (r as { name?: unknown }).name : undefined))
          .filter((n) => typeof n === 'string');
    } catch {
      roles = undefined;
    }
  }
  const fields = auditFieldsOf('config-change', {
    subject: e.authDetails?.userId ?? null,
    ip: e.authDetails?.ipAddress ?? null,
    detail: {
      source: KEYCLOAK_ADMIN_EVENTS,
      eventId: e.id,
      operation: e.operationType,
      resourceType: e.resourceType ?? null,
      resourcePath: e.resourcePath ?? null,
      outcome: e.error ? 'failure' : 'success',
      ...(e.error ? { error: e.error } : {}),
      ...(roles ? { grantedRoles: roles } : {}),
      occurredAt: iso(e.time),
      authRealmId: e.authDetails?.realmId ?? null,
      authClientId: e.authDetails?.clientId ?? null,
    },
  });
  return { id: e.id, occurredAt: new Date(e.time), fields };
}

/**
 * 身份认证事件导入 (issue 18): the audit trail's kind `sign-in` and the dedupe keys of imported records, in the schema
 * of the service that imports Keycloak's events (routing: ROUTING_DATABASE). `audit_import` holds each imported
 * item's id in its source system once (primary key) with the record's seq; the latest `occurred_at` of a source is
 * where the next import resumes.
 */
export const AuditImport1796320000000 = sqlMigration('AuditImport1796320000000', {
  up: [
    `ALTER TABLE audit_log DROP CONSTRAINT audit_log_kind_check`,
    `ALTER TABLE audit_log ADD CONSTRAINT audit_log_kind_check
      CHECK (kind IN ('request','personal-data-read','config-change','ops-action','anchor','sign-in'))`,
    `CREATE TABLE audit_import (
      source text NOT NULL,
      external_id text NOT NULL,
      occurred_at timestamptz NOT NULL,
      seq bigint NOT NULL,
      imported_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (source, external_id)
    )`,
    `CREATE INDEX audit_import_occurred ON audit_import (source, occurred_at)`,
  ],
  down: [
    `DROP TABLE audit_import`,
    `ALTER TABLE audit_log DROP CONSTRAINT audit_log_kind_check`,
    `ALTER TABLE audit_log ADD CONSTRAINT audit_log_kind_check
      CHECK (kind IN ('request','personal-data-read','config-change','ops-action','anchor'))`,
  ],
});
