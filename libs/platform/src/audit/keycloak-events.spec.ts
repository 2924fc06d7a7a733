import { adminAuditItem, signInAuditItem } from './keycloak-events';

describe("Keycloak's events as audit records", () => {
  it('maps a failed sign-in: subject, unit and roles from the directory, IP, the error in words, only the harmless details', () => {
    const item = signInAuditItem(
      {
        id: '688eeead-2cfd-49bf-8dd8-ee5deefe3c51',
        time: 1796319745088,
        type: 'LOGIN_ERROR',
        clientId: 'sunshine-dev-cli',
        userId: 'demo-city-bureau-supervisor',
        ipAddress: '127.0.0.1',
        error: 'invalid_user_credentials',
        details: {
          auth_method: 'openid-connect',
          grant_type: 'password',
          client_auth_method: 'client-secret',
          username: 'city-bureau-supervisor',
          code_id: 'c0de',
          token_id: 't0ken',
          redirect_uri: 'http://127.0.0.1:8080/sign-in',
        },
      },
      { unitId: '410700000000:petition-bureau', roles: ['supervisor'] },
    );
    expect(item).toEqual({
      id: '688eeead-2cfd-49bf-8dd8-ee5deefe3c51',
      occurredAt: new Date('2026-12-03T17:42:25.088Z'),
      fields: {
        kind: 'sign-in',
        subject: 'demo-city-bureau-supervisor',
        unitId: '410700000000:petition-bureau',
        roles: ['supervisor'],
        method: null,
        route: null,
        caseId: null,
        status: null,
        ip: '127.0.0.1',
        userAgent: null,
        detail: {
          source: 'keycloak',
          eventId: '688eeead-2cfd-49bf-8dd8-ee5deefe3c51',
          event: 'LOGIN_ERROR',
          action: '登录失败',
          outcome: 'failure',
          error: 'invalid_user_credentials',
          reason: '用户名或口令错误',
          occurredAt: '2026-12-03T17:42:25.088Z',
          clientId: 'sunshine-dev-cli',
          sessionId: null,
          details: { username: 'city-bureau-supervisor', auth_method: 'openid-connect', grant_type: 'password' },
        },
      },
    });
  });

  it('maps a lock-out and an unknown event type by their names, without a directory entry', () => {
    const lockout = signInAuditItem({
      id: 'e2',
      time: 0,
      type: 'USER_DISABLED_BY_TEMPORARY_LOCKOUT',
      userId: 'demo-x',
      details: { reason: 'brute_force_attack detected', num_failures: '5', not_before: '2026-12-03T17:57:34' },
    });
    expect([
      lockout.fields.unitId,
      lockout.fields.roles,
      lockout.fields.ip,
      lockout.fields.detail['action'],
      lockout.fields.detail['outcome'],
    ]).toEqual([null, [], null, '账号锁定（临时）', 'success']);
    expect(lockout.fields.detail['details']).toEqual({
      reason: 'brute_force_attack detected',
      num_failures: '5',
      not_before: '2026-12-03T17:57:34',
    });
    expect(signInAuditItem({ id: 'e3', time: 0, type: 'SOMETHING_NEW_ERROR', error: 'odd' }).fields.detail).toMatchObject({
      action: 'SOMETHING_NEW_ERROR',
      outcome: 'failure',
      reason: 'odd',
    });
  });

  it('keeps the names of granted roles of an admin event and nothing else of its representation', () => {
    const grant = adminAuditItem({
      id: 'a1',
      time: 1796319672493,
      operationType: 'CREATE',
      resourceType: 'CLIENT_ROLE_MAPPING',
      resourcePath: 'users/u1/role-mappings/clients/c1',
      representation: JSON.stringify([{ id: 'r1', name: 'audit-admin', composite: false }]),
      authDetails: { realmId: 'master', clientId: 'admin-cli-id', userId: 'admin-1', ipAddress: '10.0.0.9' },
    });
    expect(grant.fields).toMatchObject({ kind: 'config-change', subject: 'admin-1', ip: '10.0.0.9' });
    expect(grant.fields.detail).toEqual({
      source: 'keycloak-admin',
      eventId: 'a1',
      operation: 'CREATE',
      resourceType: 'CLIENT_ROLE_MAPPING',
      resourcePath: 'users/u1/role-mappings/clients/c1',
      outcome: 'success',
      grantedRoles: ['audit-admin'],
      occurredAt: '2026-12-03T17:41:12.493Z',
      authRealmId: 'master',
      authClientId: 'admin-cli-id',
    });
    const user = adminAuditItem({
      id: 'a2',
      time: 0,
      operationType: 'CREATE',
      resourceType: 'USER',
      resourcePath: 'users/u2',
      representation: JSON.stringify({ username: 'u2', credentials: [{ type: 'password', value: 'Secret-123!' }] }),
    });
    expect(JSON.stringify(user)).not.toContain('Secret-123!');
  });
});
