import { CaseStatuses } from '@sunshine/contracts';
import { isTerminalStatus } from '@sunshine/domain';
import type { FieldCipher, RetentionDb, RetentionStep } from '@sunshine/platform';

import type { AttachmentStore } from '../dossier/attachment-store';

/** What de-identified fields read (sealed like any value, so every reader still opens them). */
export const DEIDENTIFIED = '［已去标识化］';

/** One run: the cases de-identified (oldest terminal first) and how many petitioners lost their details with them. */
export interface RetentionRun {
  readonly cases: string[];
  readonly petitioners: number;
}

/** The statuses no transition leaves (closed, finalized, withdrawn): the one taxonomy's `terminal`. */
const TERMINAL = CaseStatuses.filter(isTerminalStatus);

/**
 * 个人信息删除/去标识化 (PIPL Art 19, 47): the personal data of every case that has been closed, finalized or withdrawn
 * for `retentionDays` or longer at `now` is de-identified, `batch` cases per call, each in its own transaction: the
 * dossier's subject, content, accused person and representatives, the petition's phone and name/phone indexes, the
 * attachments (rows and bytes), the messages sent to the petitioner, the Open311 reporter's e-mail, device, account and
 * location, the identity-verification and query-code-recovery codes, the wrong query codes counted against its number,
 * the kept Idempotency-Key answers; the petitioner's name, ID number, phone, address and
 * blind indexes (and every recorded version of them) once none of their cases keeps personal data. The statistics stay:
 * the petition row (category, type, place, channel, units, dates), the case replica and every event. Recorded in
 * `pii_deidentified`; a case is never taken twice.
 */
export async function deidentifyExpiredCases(
  db: RetentionDb,
  cipher: FieldCipher,
  store: AttachmentStore,
  now: Date,
  retentionDays: number,
  batch = 200,
): Promise<RetentionRun> {
  return deidentifyCasesDue(db, cipher, store, new Date(now.getTime() - retentionDays * 86_400_000), now, batch);
}

/**
 * `t.since`: when the case `r` (case_replica) last became terminal (statuses $1): the first of its last run of terminal
 * events (a reopened case starts again).
 */
const TERMINAL_SINCE = `CROSS JOIN LATERAL (
         SELECT min(e.occurred_at) AS since FROM case_replica_events e
          WHERE e.case_id = r.case_id AND e.status_after = ANY($1)
            AND e.seq > coalesce((SELECT max(n.seq) FROM case_replica_events n
                                   WHERE n.case_id = r.case_id AND NOT (coalesce(n.status_after, '') = ANY($1))), 0)) t`;

/**
 * The cases terminal since `cutoff` or earlier and not de-identified yet (oldest first), or only `caseId` among them,
 * with the instant their terminal status began (the last run of terminal events: a reopened case starts again).
 */
export async function terminalCasesDue(
  db: RetentionDb,
  cutoff: Date,
  batch: number,
  caseId: string | null = null,
): Promise<Array<{ case_id: string; since: Date }>> {
  const due = await db.query<{ case_id: string; since: Date }>(
    `SELECT r.case_id, t.since FROM case_replica r
       JOIN petitions p ON p.case_id = r.case_id
       ${TERMINAL_SINCE}
      WHERE r.status = ANY($1) AND t.since <= $2 AND ($4::uuid IS NULL OR r.case_id = $4)
        AND NOT EXISTS (SELECT 1 FROM pii_deidentified d WHERE d.case_id = r.case_id)
      ORDER BY t.since, r.case_id LIMIT $3`,
    [TERMINAL, cutoff, batch, caseId],
  );
  return due.rows;
}

async function deidentifyCasesDue(
  db: RetentionDb,
  cipher: FieldCipher,
  store: AttachmentStore,
  cutoff: Date,
  now: Date,
  batch: number,
): Promise<RetentionRun> {
  const cases: string[] = [];
  let petitioners = 0;
  for (const { case_id: caseId, since } of await terminalCasesDue(db, cutoff, batch)) {
    await db.query('BEGIN');
    try {
      const done = await deidentifyCase(db, cipher, caseId, since, now, null);
      // The bytes go before the commit: a failure leaves the case to the next run, with its rows.
      for (const key of done.storageKeys) await store.delete(key);
      await db.query('COMMIT');
      if (done.petitionerErased) petitioners++;
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    cases.push(caseId);
  }
  return { cases, petitioners };
}

/** What de-identifying one case did: whether its petitioner's details went too, and the attachments' bytes to delete. */
export interface CaseDeidentified {
  readonly petitionerErased: boolean;
  readonly storageKeys: readonly string[];
}

/**
 * De-identifies one terminal case inside the caller's transaction (the retention job's, or the petition bureau's when
 * it grants a deletion request, `requestId`): the one rule of what goes and what stays. The caller deletes the
 * attachments' bytes (`storageKeys`) before it commits.
 */
export async function deidentifyCase(
  db: RetentionDb,
  cipher: FieldCipher,
  caseId: string,
  since: Date,
  now: Date,
  requestId: string | null,
): Promise<CaseDeidentified> {
  const sealed = (): string => cipher.encrypt(DEIDENTIFIED);
  await db.query(
    `UPDATE dossiers SET subject_enc = $2, content_enc = $3, accused_person_enc = NULL, representatives_enc = NULL, attachment_count = 0 WHERE case_id = $1`,
    [caseId, sealed(), sealed()],
  );
  await db.query(`UPDATE petitions SET phone_enc = NULL, phone_index = NULL, name_index = NULL WHERE case_id = $1`, [caseId]);
  const attachments = await db.query<{ storage_key: string }>(`DELETE FROM attachments WHERE case_id = $1 RETURNING storage_key`, [caseId]);
  for (const m of (await db.query<{ id: string }>(`SELECT id FROM citizen_messages WHERE case_id = $1`, [caseId])).rows) {
    await db.query(`UPDATE citizen_messages SET recipient_enc = $2, body_enc = $3, recipient_masked = '***' WHERE id = $1`, [
      m.id,
      sealed(),
      sealed(),
    ]);
  }
  // What else still names the person or opens the case: the Open311 reporter's e-mail, device, account and location
  // as given (the request's token and service code stay, for the client's status look-up); the one-time codes of
  // identity verification and query-code recovery; the wrong query codes counted against the case's number; the kept
  // Idempotency-Key answers (case number and query code).
  await db.query(
    `UPDATE open311_requests SET email_enc = NULL, device_id = NULL, account_id = NULL, address_string = NULL, lat = NULL, long = NULL WHERE case_id = $1`,
    [caseId],
  );
  await db.query(`DELETE FROM identity_verifications WHERE case_id = $1`, [caseId]);
  await db.query(`DELETE FROM query_code_recoveries WHERE case_id = $1`, [caseId]);
  await db.query(`DELETE FROM query_failures WHERE case_number = (SELECT case_number FROM petitions WHERE case_id = $1)`, [caseId]);
  await db.query(`DELETE FROM idempotency_keys WHERE case_id = $1`, [caseId]);
  await db.query(
    `INSERT INTO pii_deidentified (case_id, terminal_since, deidentified_at, petitioner_erased, request_id) VALUES ($1, $2, $3, false, $4)`,
    [caseId, since, now, requestId],
  );
  // The petitioner's own details go once none of their cases keeps personal data (this one is recorded above).
  const erased = await db.query<{ id: string }>(
    `UPDATE petitioners pr SET name_enc = $2, id_number_enc = NULL, phone_enc = NULL, address_enc = NULL, id_blind_index = NULL, claimed_blind_index = NULL
      WHERE pr.id = (SELECT petitioner_id FROM petitions WHERE case_id = $1)
        AND NOT EXISTS (SELECT 1 FROM petitions p WHERE p.petitioner_id = pr.id AND NOT EXISTS (SELECT 1 FROM pii_deidentified d WHERE d.case_id = p.case_id))
      RETURNING pr.id`,
    [caseId, sealed()],
  );
  const petitioner = erased.rows[0];
  if (petitioner) {
    for (const v of (await db.query<{ id: string }>(`SELECT id FROM petitioner_versions WHERE petitioner_id = $1`, [petitioner.id])).rows) {
      await db.query(`UPDATE petitioner_versions SET name_enc = $2, phone_enc = NULL, address_enc = NULL WHERE id = $1`, [v.id, sealed()]);
    }
    await db.query(`UPDATE pii_deidentified SET petitioner_erased = true WHERE case_id = $1`, [caseId]);
  }
  return { petitionerErased: petitioner !== undefined, storageKeys: attachments.rows.map((a) => a.storage_key) };
}

/**
 * Intake's steps of the retention run (libs/platform runRetention, periods from the schedule in libs/domain), in order:
 * - `case`: deidentifyCase for each case terminal for the period (`onCase` hears of each run's cases);
 * - `appointment`: a booking whose reception ended the period ago: name, phone and subject replaced, the person's and
 *   client's keyed hashes cleared, unless it led to a case that still keeps personal data (it goes with that case);
 * - `reception`: a reception ended the period ago whose bookings are all erased: the leader's name replaced (the
 *   directory reference, unit, time and place stay for the statistics);
 * - `hotline-order`: the 12345 order of a case terminal for the period whose feedback is all delivered or parked: the
 *   order number replaced, in the order and in the feedback sent; the system's kept visit answers for it deleted.
 * Each record is marked (`pii_deidentified`, `erased_at`) and never taken twice.
 */
export function intakeRetentionSteps(
  db: RetentionDb,
  cipher: FieldCipher,
  store: AttachmentStore,
  onCase: (run: RetentionRun) => void = () => undefined,
): RetentionStep[] {
  const sealed = (): string => cipher.encrypt(DEIDENTIFIED);
  const inTransaction = async <T>(work: () => Promise<T>): Promise<T> => {
    await db.query('BEGIN');
    try {
      const result = await work();
      await db.query('COMMIT');
      return result;
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };
  return [
    {
      record: 'case',
      run: async (cutoff, now, batch) => {
        const run = await deidentifyCasesDue(db, cipher, store, cutoff, now, batch);
        onCase(run);
        // Answers kept before they named their case (IntakeIdempotencyCase1796340000000) go once the period is over.
        await db.query(`DELETE FROM idempotency_keys WHERE case_id IS NULL AND created_at <= $1`, [cutoff]);
        return run.cases.length;
      },
    },
    {
      record: 'appointment',
      run: (cutoff, now, batch) =>
        inTransaction(async () => {
          const due = await db.query<{ id: string }>(
            `SELECT a.id FROM appointments a JOIN receptions r ON r.id = a.reception_id
              WHERE a.erased_at IS NULL AND r.ends_at <= $1
                AND (a.case_id IS NULL OR EXISTS (SELECT 1 FROM pii_deidentified d WHERE d.case_id = a.case_id))
              ORDER BY r.ends_at, a.id LIMIT $2 FOR UPDATE OF a SKIP LOCKED`,
            [cutoff, batch],
          );
          for (const a of due.rows) {
            await db.query(
              `UPDATE appointments SET name_enc = $2, phone_enc = $3, subject_enc = $4, person_index = NULL, client_key = NULL, erased_at = $5 WHERE id = $1`,
              [a.id, sealed(), sealed(), sealed(), now],
            );
          }
          return due.rows.length;
        }),
    },
    {
      record: 'reception',
      run: async (cutoff, now, batch) =>
        (
          await db.query<{ id: string }>(
            `UPDATE receptions SET leader_name = $3, erased_at = $4
              WHERE id IN (SELECT r.id FROM receptions r
                            WHERE r.erased_at IS NULL AND r.ends_at <= $1
                              AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.reception_id = r.id AND a.erased_at IS NULL)
                            ORDER BY r.ends_at, r.id LIMIT $2)
              RETURNING id`,
            [cutoff, batch, DEIDENTIFIED, now],
          )
        ).rows.length,
    },
    {
      record: 'hotline-order',
      run: (cutoff, now, batch) =>
        inTransaction(async () => {
          const due = await db.query<{ case_id: string }>(
            `SELECT o.case_id FROM hotline_orders o JOIN case_replica r ON r.case_id = o.case_id
               ${TERMINAL_SINCE}
              WHERE o.erased_at IS NULL AND r.status = ANY($1) AND t.since <= $2
                AND NOT EXISTS (SELECT 1 FROM hotline_feedback f WHERE f.case_id = o.case_id AND f.delivered_at IS NULL AND f.parked_at IS NULL)
              ORDER BY t.since, o.case_id LIMIT $3 FOR UPDATE OF o SKIP LOCKED`,
            [TERMINAL, cutoff, batch],
          );
          for (const o of due.rows) {
            const erased = `${DEIDENTIFIED}${o.case_id}`;
            // The 12345 system's kept visit answers are keyed by the order number: they go first.
            await db.query(
              `DELETE FROM idempotency_keys k USING hotline_orders o
                WHERE o.case_id = $1 AND k.scope = 'hotline-visit:' || o.system_id AND starts_with(k.key, o.order_no || '/')`,
              [o.case_id],
            );
            await db.query(`UPDATE hotline_orders SET order_no = $2, erased_at = $3 WHERE case_id = $1`, [o.case_id, erased, now]);
            await db.query(`UPDATE hotline_feedback SET body = jsonb_set(body, '{orderNo}', to_jsonb($2::text)) WHERE case_id = $1`, [
              o.case_id,
              erased,
            ]);
          }
          return due.rows.length;
        }),
    },
  ];
}
