import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AUDIT_SUBJECT_DIRECTORY, type AuditSubjectDirectory, KeycloakEventsImporter } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

/** A subject's unit and roles as routing's staff directory (staff_users) has them, for the records of their sign-ins. */
@Injectable()
export class StaffDirectorySubjects implements AuditSubjectDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lookup(subjects: readonly string[]): Promise<ReadonlyMap<string, { unitId: string; roles: readonly string[] }>> {
    const rows = await this.dataSource.query<Array<{ subject: string; unit_id: string; roles: string[] }>>(
      `SELECT subject, unit_id, roles FROM staff_users WHERE subject = ANY($1::text[])`,
      [[...subjects]],
    );
    return new Map(rows.map((r) => [r.subject, { unitId: r.unit_id, roles: r.roles }]));
  }
}

/**
 * 身份认证事件入审计 Routing imports Keycloak's login and admin events into its audit trail (KeycloakEventsImporter,
 * libs/platform): it holds the staff directory that says who a subject is (unit, roles), and it calls no other service,
 * so the realm-management `view-events` its client-credentials tokens carry goes to Keycloak only. docs/security.md §3.
 */
@Module({
  providers: [KeycloakEventsImporter, { provide: AUDIT_SUBJECT_DIRECTORY, useClass: StaffDirectorySubjects }],
})
export class SignInAuditModule {}
