import { CaseStatuses } from '@sunshine/contracts';
import { isTerminalStatus } from '@sunshine/domain';
import type { FieldCipher } from '@sunshine/platform';

import type { AttachmentStore } from '../dossier/attachment-store';

/** What de-identified fields read (sealed like any value, so every reader still opens them). */
export const DEIDENTIFIED = '［已去标识化］';

/** A connection to intake's schema (search_path set): pg's Client or PoolClient. */
export interface RetentionDb {
  query<R extends object>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

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
 * attachments (rows and bytes), the messages sent to the petitioner; the petitioner's name, ID number, phone, address and
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
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const due = await db.query<{ case_id: string; since: Date }>(
    `SELECT r.case_id, t.since FROM case_replica r
       JOIN petitions p ON p.case_id = r.case_id
       CROSS JOIN LATERAL (
         SELECT min(e.occurred_at) AS since FROM case_replica_events e
          WHERE e.case_id = r.case_id AND e.status_after = ANY($1)
            AND e.seq > coalesce((SELECT max(n.seq) FROM case_replica_events n
                                   WHERE n.case_id = r.case_id AND NOT (coalesce(n.status_after, '') = ANY($1))), 0)) t
      WHERE r.status = ANY($1) AND t.since <= $2
        AND NOT EXISTS (SELECT 1 FROM pii_deidentified d WHERE d.case_id = r.case_id)
      ORDER BY t.since, r.case_id LIMIT $3`,
    [TERMINAL, cutoff, batch],
  );
  const cases: string[] = [];
  let petitioners = 0;
  for (const { case_id: caseId, since } of due.rows) {
    if (await deidentifyCase(db, cipher, store, caseId, since, now)) petitioners++;
    cases.push(caseId);
  }
  return { cases, petitioners };
}

async function deidentifyCase(
  db: RetentionDb,
  cipher: FieldCipher,
  store: AttachmentStore,
  caseId: string,
  since: Date,
  now: Date,
): Promise<boolean> {
  const sealed = (): string => cipher.encrypt(DEIDENTIFIED);
  await db.query('BEGIN');
  try {
    await db.query(
      `UPDATE dossiers SET subject_enc = $2, content_enc = $3, accused_person_enc = NULL, representatives_enc = NULL, attachment_count = 0 WHERE case_id = $1`,
      [caseId, sealed(), sealed()],
    );
    await db.query(`UPDATE petitions SET phone_enc = NULL, phone_index = NULL, name_index = NULL WHERE case_id = $1`, [caseId]);
    const attachments = await db.query<{ storage_key: string }>(`DELETE FROM attachments WHERE case_id = $1 RETURNING storage_key`, [
      caseId,
    ]);
    for (const m of (await db.query<{ id: string }>(`SELECT id FROM citizen_messages WHERE case_id = $1`, [caseId])).rows) {
      await db.query(`UPDATE citizen_messages SET recipient_enc = $2, body_enc = $3, recipient_masked = '***' WHERE id = $1`, [
        m.id,
        sealed(),
        sealed(),
      ]);
    }
    await db.query(
      `INSERT INTO pii_deidentified (case_id, terminal_since, deidentified_at, petitioner_erased) VALUES ($1, $2, $3, false)`,
      [caseId, since, now],
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
      for (const v of (await db.query<{ id: string }>(`SELECT id FROM petitioner_versions WHERE petitioner_id = $1`, [petitioner.id]))
        .rows) {
        await db.query(`UPDATE petitioner_versions SET name_enc = $2, phone_enc = NULL, address_enc = NULL WHERE id = $1`, [
          v.id,
          sealed(),
        ]);
      }
      await db.query(`UPDATE pii_deidentified SET petitioner_erased = true WHERE case_id = $1`, [caseId]);
    }
    // The bytes go before the commit: a failure leaves the case to the next run, with its rows.
    for (const a of attachments.rows) await store.delete(a.storage_key);
    await db.query('COMMIT');
    return petitioner !== undefined;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
