import { Inject, Injectable } from '@nestjs/common';
import type { Channel, PayloadOf, PetitionType } from '@sunshine/contracts';
import type { FieldCipher, VisibilitySql } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { FIELD_CIPHER } from '../crypto/crypto.module';
import type { PersonInput } from './petitioner.repository';

type Registered = PayloadOf<'petition.registered'>;
export type RegisteredForm = Registered['form'];
export type RegisteredFlags = Registered['flags'];

/**
 * How the petitioner of a case is known: seen by staff at registration, or an online submitter (unverified until a
 * code sent to the phone on file, or staff, confirm the identity).
 */
export const PetitionerIdentities = ['staff-registration', 'unverified', 'sms-code', 'staff-confirmation'] as const;
export type PetitionerIdentity = (typeof PetitionerIdentities)[number];

/** A registration as intake stores it (facts only; the text and the people are in the dossier and petitioners). */
export interface PetitionRecord {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly queryCodeHash: string;
  readonly channel: Channel;
  readonly type: PetitionType;
  readonly category: string;
  readonly placeCode: string;
  readonly receivingUnitId: string;
  readonly receivedAt: Date;
  readonly registeredAt: Date;
  readonly form: RegisteredForm;
  readonly petitionerId: string;
  /** The contact details registered with this case (a version of the petitioner's; later cases never change it). */
  readonly petitionerVersionId: string | null;
  readonly petitionerIdentity: PetitionerIdentity;
  readonly accusedUnitId: string | null;
  readonly flags: RegisteredFlags;
  readonly registeredBy: string;
  readonly receptionId: string | null;
  /** What intake's checks found at registration (skip-level, Art 19, repeat score), for the clerk. */
  readonly checks: Record<string, unknown>;
  /** The place or category as the clerk gave them, when the directory or the code table does not know them. */
  readonly asGiven: Registered['asGiven'] | null;
}

export type CorrectableColumns = Partial<
  Pick<PetitionRecord, 'channel' | 'type' | 'category' | 'placeCode' | 'receivedAt' | 'form' | 'accusedUnitId' | 'flags'>
>;

/** How an earlier case was recognised as the same person's: ID number (the petitioner on file), phone, or name at the place. */
export type RepeatBasis = 'same-petitioner' | 'same-phone' | 'same-name-and-place' | 'near-duplicate-text';

/** Who is registering, as repeat detection looks for them: blind indexes only, never the values. */
export interface CallerKeys {
  readonly petitionerId: string | null;
  readonly phoneIndex: string | null;
  readonly nameIndex: string | null;
  readonly placeCode: string;
}

/** What a registration stores about its caller on the petition row: the phone given (sealed) and the blind indexes. */
export interface PetitionCaller {
  readonly phone?: string;
  readonly phoneIndex: string | null;
  readonly nameIndex: string | null;
}

export interface DossierText {
  readonly subject: string;
  readonly content: string;
  readonly accusedPerson: string | null;
  readonly representatives: readonly PersonInput[];
}

/** An open petition's text with where and when it was received (hot topics). */
export interface OpenPetitionText {
  readonly caseId: string;
  readonly placeCode: string;
  readonly receivedAt: Date;
  readonly subject: string;
  readonly content: string;
}

const COLUMNS: Record<keyof CorrectableColumns, string> = {
  channel: 'channel',
  type: 'type',
  category: 'category',
  placeCode: 'place_code',
  receivedAt: 'received_at',
  form: 'form',
  accusedUnitId: 'accused_unit_id',
  flags: 'flags',
};

/** Petitions and their dossiers; the petition's text is sealed with the FieldCipher before it is written. */
@Injectable()
export class PetitionRepository {
  constructor(@Inject(FIELD_CIPHER) private readonly cipher: FieldCipher) {}

  /**
   * The petition row, with the phone registered with it (sealed) and the caller's blind indexes in the same statement:
   * a registration writes it while it holds its case number's counter row, so every round trip here is one the next
   * registration of the same unit waits for (docs/benchmarks.md "Where the time goes").
   */
  async insert(m: EntityManager, p: PetitionRecord, caller: PetitionCaller = { phoneIndex: null, nameIndex: null }): Promise<void> {
    await m.query(
      `INSERT INTO petitions (case_id, case_number, query_code_hash, channel, type, category, place_code, receiving_unit_id,
         received_at, registered_at, form, petitioner_id, accused_unit_id, flags, registered_by, reception_id, checks,
         petitioner_version_id, petitioner_identity, as_given, phone_enc, phone_index, name_index)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
      [
        p.caseId,
        p.caseNumber,
        p.queryCodeHash,
        p.channel,
        p.type,
        p.category,
        p.placeCode,
        p.receivingUnitId,
        p.receivedAt,
        p.registeredAt,
        JSON.stringify(p.form),
        p.petitionerId,
        p.accusedUnitId,
        JSON.stringify(p.flags),
        p.registeredBy,
        p.receptionId,
        JSON.stringify(p.checks),
        p.petitionerVersionId,
        p.petitionerIdentity,
        p.asGiven ? JSON.stringify(p.asGiven) : null,
        caller.phone ? this.cipher.encrypt(caller.phone) : null,
        caller.phoneIndex,
        caller.nameIndex,
      ],
    );
  }

  async find(m: EntityManager, caseId: string, lock = false): Promise<PetitionRecord | null> {
    const rows = await m.query<Array<Record<string, unknown>>>(`SELECT * FROM petitions WHERE case_id = $1${lock ? ' FOR UPDATE' : ''}`, [
      caseId,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findByNumber(m: EntityManager, caseNumber: string): Promise<PetitionRecord | null> {
    const rows = await m.query<Array<Record<string, unknown>>>(`SELECT * FROM petitions WHERE case_number = $1`, [caseNumber]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /**
   * Earlier cases of the same person, newest first (candidates for repeat detection), among those the caller may see:
   * the same petitioner (ID number), else the same phone, else the same name at the same place, each with the
   * strongest basis it matched on. `visible` is the visibility condition over `case_replica` aliased `c`, its
   * parameters numbered from $6.
   */
  async sameCaller(
    m: EntityManager,
    keys: CallerKeys,
    limit: number,
    visible: VisibilitySql,
  ): Promise<Array<{ caseId: string; basis: RepeatBasis }>> {
    const rows = await m.query<Array<{ case_id: string; basis: RepeatBasis }>>(
      `SELECT p.case_id, CASE WHEN p.petitioner_id = $1 THEN 'same-petitioner' WHEN p.phone_index = $2 THEN 'same-phone'
              ELSE 'same-name-and-place' END AS basis
         FROM petitions p JOIN case_replica c ON c.case_id = p.case_id
        WHERE (p.petitioner_id = $1 OR p.phone_index = $2 OR (p.name_index = $3 AND p.place_code = $4)) AND ${visible.visible}
        ORDER BY p.registered_at DESC LIMIT $5`,
      [keys.petitionerId, keys.phoneIndex, keys.nameIndex, keys.placeCode, limit, ...visible.params],
    );
    return rows.map((r) => ({ caseId: r.case_id, basis: r.basis }));
  }

  /** The text's MinHash signature and LSH band keys (libs/domain near-duplicate), for later registrations to find it by. */
  /** A new case's text signature and its LSH bands, in one round trip (nothing of the case's to replace). */
  async insertTextSignature(m: EntityManager, caseId: string, signature: Uint32Array, bandKeys: readonly string[]): Promise<void> {
    await m.query(
      `WITH signature AS (INSERT INTO petition_text_signatures (case_id, signature) VALUES ($1, $2))
       INSERT INTO petition_text_bands (band_key, case_id) SELECT unnest($3::text[]), $1 ON CONFLICT DO NOTHING`,
      [caseId, Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength), bandKeys],
    );
  }

  async setTextSignature(m: EntityManager, caseId: string, signature: Uint32Array, bandKeys: readonly string[]): Promise<void> {
    await m.query(
      `INSERT INTO petition_text_signatures (case_id, signature) VALUES ($1, $2) ON CONFLICT (case_id) DO UPDATE SET signature = EXCLUDED.signature`,
      [caseId, Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength)],
    );
    await m.query(`DELETE FROM petition_text_bands WHERE case_id = $1`, [caseId]);
    if (bandKeys.length > 0) {
      await m.query(`INSERT INTO petition_text_bands (band_key, case_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`, [
        bandKeys,
        caseId,
      ]);
    }
  }

  /**
   * Earlier cases sharing at least one LSH band key with the text (candidates for a near duplicate), most shared keys
   * first, among those the caller may see (`visible` over `case_replica` aliased `c`, its parameters numbered from $3).
   */
  async nearDuplicateCandidates(
    m: EntityManager,
    bandKeys: readonly string[],
    limit: number,
    visible: VisibilitySql,
  ): Promise<Array<{ caseId: string; signature: Uint32Array }>> {
    if (bandKeys.length === 0) return [];
    const rows = await m.query<Array<{ case_id: string; signature: Buffer }>>(
      `SELECT s.case_id, s.signature
         FROM (SELECT case_id, count(*) AS shared FROM petition_text_bands WHERE band_key = ANY($1::text[]) GROUP BY case_id) b
         JOIN petition_text_signatures s ON s.case_id = b.case_id
         JOIN case_replica c ON c.case_id = b.case_id
        WHERE ${visible.visible}
        ORDER BY b.shared DESC LIMIT $2`,
      [bandKeys, limit, ...visible.params],
    );
    return rows.map((r) => {
      const bytes = new Uint8Array(r.signature.length);
      bytes.set(r.signature);
      return { caseId: r.case_id, signature: new Uint32Array(bytes.buffer) };
    });
  }

  async updateFacts(m: EntityManager, caseId: string, facts: CorrectableColumns): Promise<void> {
    const keys = (Object.keys(facts) as Array<keyof CorrectableColumns>).filter((k) => facts[k] !== undefined);
    if (keys.length === 0) return;
    const sets = keys.map((k, i) => `${COLUMNS[k]} = $${i + 2}`);
    const values = keys.map((k) => {
      const v = facts[k];
      return k === 'form' || k === 'flags' ? JSON.stringify(v) : v;
    });
    await m.query(`UPDATE petitions SET ${sets.join(', ')}, version = version + 1 WHERE case_id = $1`, [caseId, ...values]);
  }

  async contactPhone(m: EntityManager, caseId: string): Promise<string | null> {
    const rows = await m.query<Array<{ phone_enc: string | null }>>(`SELECT phone_enc FROM petitions WHERE case_id = $1`, [caseId]);
    const sealed = rows[0]?.phone_enc ?? null;
    return sealed === null ? null : this.cipher.decrypt(sealed);
  }

  /** The case's petitioner identity confirmed (by a code to the phone on file, or by staff), with who, when and why. */
  async confirmIdentity(
    m: EntityManager,
    caseId: string,
    how: 'sms-code' | 'staff-confirmation',
    by: string,
    at: Date,
    reason: unknown,
  ): Promise<void> {
    await m.query(
      `UPDATE petitions SET petitioner_identity = $2, identity_verified_by = $3, identity_verified_at = $4, identity_reason = $5 WHERE case_id = $1`,
      [caseId, how, by, at, reason === undefined ? null : JSON.stringify(reason)],
    );
  }

  async setQueryCodeHash(m: EntityManager, caseId: string, hash: string): Promise<void> {
    await m.query(`UPDATE petitions SET query_code_hash = $2 WHERE case_id = $1`, [caseId, hash]);
  }

  async insertDossier(
    m: EntityManager,
    caseId: string,
    d: { subject: string; content: string; accusedPerson?: string; representatives?: readonly PersonInput[] },
  ): Promise<void> {
    await m.query(
      `INSERT INTO dossiers (case_id, subject_enc, content_enc, accused_person_enc, representatives_enc) VALUES ($1, $2, $3, $4, $5)`,
      [
        caseId,
        this.cipher.encrypt(d.subject),
        this.cipher.encrypt(d.content),
        this.seal(d.accusedPerson),
        this.sealPeople(d.representatives),
      ],
    );
  }

  async updateRepresentatives(m: EntityManager, caseId: string, representatives: readonly PersonInput[]): Promise<void> {
    await m.query(`UPDATE dossiers SET representatives_enc = $2 WHERE case_id = $1`, [caseId, this.sealPeople(representatives)]);
  }

  async setAttachmentCount(m: EntityManager, caseId: string, count: number): Promise<void> {
    await m.query(`UPDATE dossiers SET attachment_count = $2 WHERE case_id = $1`, [caseId, count]);
  }

  /**
   * The subject and content of several dossiers in one query (repeat detection compares a new matter with up to 50 of
   * the caller's earlier ones): only those two fields are decrypted. Cases without a dossier are absent.
   */
  async loadMatterTexts(m: EntityManager, caseIds: readonly string[]): Promise<Map<string, { subject: string; content: string }>> {
    if (caseIds.length === 0) return new Map();
    const rows = await m.query<Array<{ case_id: string; subject_enc: string; content_enc: string }>>(
      `SELECT case_id, subject_enc, content_enc FROM dossiers WHERE case_id = ANY($1::uuid[])`,
      [[...caseIds]],
    );
    return new Map(
      rows.map((r) => [r.case_id, { subject: this.cipher.decrypt(r.subject_enc), content: this.cipher.decrypt(r.content_enc) }]),
    );
  }

  /** Opens a dossier's text; only for a caller that has decided the reader may see it, or for repeat detection. */
  async loadDossier(m: EntityManager, caseId: string): Promise<DossierText | null> {
    const rows = await m.query<
      Array<{ subject_enc: string; content_enc: string; accused_person_enc: string | null; representatives_enc: string | null }>
    >(`SELECT subject_enc, content_enc, accused_person_enc, representatives_enc FROM dossiers WHERE case_id = $1`, [caseId]);
    const row = rows[0];
    if (!row) return null;
    return {
      subject: this.cipher.decrypt(row.subject_enc),
      content: this.cipher.decrypt(row.content_enc),
      accusedPerson: row.accused_person_enc === null ? null : this.cipher.decrypt(row.accused_person_enc),
      representatives: row.representatives_enc === null ? [] : (JSON.parse(this.cipher.decrypt(row.representatives_enc)) as PersonInput[]),
    };
  }

  /**
   * The texts of the petitions received in (from, to], oldest first, for hot topics (热点问题): open petitions only — an
   * accusation or a confidential petition never joins a cluster whose texts other units are shown. At most `limit`.
   */
  async openTextsReceived(m: EntityManager, from: Date, to: Date, limit: number): Promise<OpenPetitionText[]> {
    const rows = await m.query<Array<{ case_id: string; place_code: string; received_at: Date; subject_enc: string; content_enc: string }>>(
      `SELECT p.case_id, p.place_code, p.received_at, d.subject_enc, d.content_enc
         FROM petitions p JOIN dossiers d ON d.case_id = p.case_id
        WHERE p.received_at > $1 AND p.received_at <= $2
          AND p.type <> 'accusation' AND coalesce((p.flags->>'confidential')::boolean, false) = false
        ORDER BY p.received_at, p.case_id LIMIT $3`,
      [from, to, limit],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      placeCode: r.place_code,
      receivedAt: new Date(r.received_at),
      subject: this.cipher.decrypt(r.subject_enc),
      content: this.cipher.decrypt(r.content_enc),
    }));
  }

  private seal(value: string | undefined): string | null {
    return value ? this.cipher.encrypt(value) : null;
  }

  private sealPeople(people: readonly PersonInput[] | undefined): string | null {
    return people && people.length > 0 ? this.cipher.encrypt(JSON.stringify(people)) : null;
  }
}

function toRecord(r: Record<string, unknown>): PetitionRecord {
  return {
    caseId: String(r['case_id']),
    caseNumber: String(r['case_number']),
    queryCodeHash: String(r['query_code_hash']),
    channel: r['channel'] as Channel,
    type: r['type'] as PetitionType,
    category: String(r['category']),
    placeCode: String(r['place_code']),
    receivingUnitId: String(r['receiving_unit_id']),
    receivedAt: r['received_at'] as Date,
    registeredAt: r['registered_at'] as Date,
    form: r['form'] as RegisteredForm,
    petitionerId: String(r['petitioner_id']),
    petitionerVersionId: (r['petitioner_version_id'] as string | null) ?? null,
    petitionerIdentity: (r['petitioner_identity'] as PetitionerIdentity | null) ?? 'staff-registration',
    accusedUnitId: (r['accused_unit_id'] as string | null) ?? null,
    flags: r['flags'] as RegisteredFlags,
    registeredBy: String(r['registered_by']),
    receptionId: (r['reception_id'] as string | null) ?? null,
    checks: (r['checks'] as Record<string, unknown> | null) ?? {},
    asGiven: (r['as_given'] as Registered['asGiven'] | null) ?? null,
  };
}
