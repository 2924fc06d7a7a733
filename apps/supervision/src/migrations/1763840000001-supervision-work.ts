import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Supervision orders (督办单) and their reminders (催办), escalations, leaders in charge (包案), the backlog (积案), early warnings. */
export class SupervisionWork1763840000001 implements MigrationInterface {
  name = 'SupervisionWork1763840000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE supervision_orders (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      unit_id text NOT NULL,
      by_unit_id text NOT NULL,
      trigger text NOT NULL,
      source_key text NOT NULL,
      reason_code text NOT NULL,
      reason_text text,
      issued_by text NOT NULL,
      issued_at timestamptz NOT NULL,
      answer_due_at timestamptz NOT NULL,
      status text NOT NULL,
      answered_at timestamptz,
      answered_by text,
      answer_ref text,
      answer_summary text,
      escalation_step int NOT NULL DEFAULT 0,
      supervising_unit_id text NOT NULL,
      next_escalation_at timestamptz,
      UNIQUE (case_id, source_key))`);
    await q.query(`CREATE INDEX supervision_orders_unit ON supervision_orders (unit_id, status)`);
    await q.query(`CREATE INDEX supervision_orders_by ON supervision_orders (by_unit_id, status)`);
    await q.query(`CREATE INDEX supervision_orders_escalation ON supervision_orders (next_escalation_at) WHERE status = 'open'`);
    await q.query(`CREATE TABLE order_reminders (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES supervision_orders (id),
      by_unit_id text NOT NULL,
      by_staff text NOT NULL,
      note text,
      reminded_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE escalations (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      order_id uuid REFERENCES supervision_orders (id),
      unit_id text NOT NULL,
      from_unit_id text NOT NULL,
      to_unit_id text NOT NULL,
      policy_step int NOT NULL,
      reason_code text NOT NULL,
      event_id uuid NOT NULL,
      escalated_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX escalations_case ON escalations (case_id)`);
    await q.query(`CREATE TABLE leader_assignments (
      case_id uuid PRIMARY KEY,
      leader_ref text NOT NULL,
      unit_id text NOT NULL,
      assigned_by text NOT NULL,
      assigned_at timestamptz NOT NULL,
      reason_code text)`);
    await q.query(`CREATE INDEX leader_assignments_leader ON leader_assignments (leader_ref)`);
    await q.query(`CREATE TABLE backlog_cases (
      case_id uuid PRIMARY KEY,
      unit_id text NOT NULL,
      status text NOT NULL,
      reason_code text NOT NULL,
      plan text,
      plan_due_date text,
      plan_updated_at timestamptz,
      registered_by text NOT NULL,
      registered_at timestamptz NOT NULL,
      cleared_at timestamptz,
      cleared_reason text)`);
    await q.query(`CREATE INDEX backlog_cases_unit ON backlog_cases (unit_id, status)`);
    await q.query(`CREATE TABLE alert_registrations (
      case_id uuid PRIMARY KEY,
      township_code text,
      category text NOT NULL,
      head_count int NOT NULL,
      at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX alert_registrations_spike ON alert_registrations (township_code, category, at)`);
    await q.query(`CREATE TABLE alerts (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      level text NOT NULL,
      division_code text NOT NULL,
      category text,
      count int NOT NULL,
      threshold int NOT NULL,
      sensitive_period text,
      case_ids uuid[] NOT NULL,
      dedupe_key text NOT NULL UNIQUE,
      event_id uuid NOT NULL,
      raised_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX alerts_division ON alerts (division_code, raised_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['alerts', 'alert_registrations', 'backlog_cases', 'leader_assignments', 'escalations', 'order_reminders', 'supervision_orders']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
