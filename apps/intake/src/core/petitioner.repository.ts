import { Inject, Injectable } from '@nestjs/common';
import type { FieldCipher } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { FIELD_CIPHER } from '../crypto/crypto.module';

export interface PersonInput {
  readonly name: string;
  readonly idNumber?: string;
  readonly phone?: string;
  readonly address?: string;
}

export interface Person {
  readonly name: string;
  readonly idNumber: string | null;
  readonly phone: string | null;
  readonly address: string | null;
}

interface PetitionerRow {
  name_enc: string;
  id_number_enc: string | null;
  phone_enc: string | null;
  address_enc: string | null;
}

/** The contact details a case carries: the version recorded with it (never rewritten by a later registration). */
export interface Contact {
  readonly name: string;
  readonly phone: string | null;
  readonly address: string | null;
}

/**
 * Petitioners: personal data sealed with the FieldCipher; the blind index of the ID number recognises a returning one.
 * A petitioner record is never rewritten: the contact details given with each registration are a version of their own
 * (`petitioner_versions`), and each case keeps the version it was registered with (issue 17, door 3).
 */
@Injectable()
export class PetitionerRepository {
  constructor(@Inject(FIELD_CIPHER) private readonly cipher: FieldCipher) {}

  /**
   * The petitioner with this ID number's blind index, or a new one (atomic under concurrency: the index is unique).
   * Only for people staff saw (a visit, a call, a letter they checked): an online form's ID number is unverified
   * (createUnverified). The existing record is locked for the registration's transaction and left as it is.
   */
  async findOrCreate(m: EntityManager, id: string, person: PersonInput, blindIndex: string | null): Promise<string> {
    const values = [id, this.cipher.encrypt(person.name), this.seal(person.idNumber), this.seal(person.phone), this.seal(person.address)];
    if (!blindIndex) {
      await m.query(`INSERT INTO petitioners (id, name_enc, id_number_enc, phone_enc, address_enc) VALUES ($1, $2, $3, $4, $5)`, values);
      return id;
    }
    const rows = await m.query<Array<{ id: string }>>(
      `INSERT INTO petitioners (id, name_enc, id_number_enc, phone_enc, address_enc, id_blind_index) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id_blind_index) WHERE id_blind_index IS NOT NULL DO UPDATE SET id_blind_index = petitioners.id_blind_index
       RETURNING id`,
      [...values, blindIndex],
    );
    const found = rows[0]?.id;
    if (!found) throw new Error('petitioner upsert returned nothing');
    return found;
  }

  /**
   * An online submitter: a petitioner record of its own, whatever ID number was typed. The blind index is kept aside
   * (`claimed_blind_index`) and links the record to the petitioner on file only after verification (issue 17, door 4).
   */
  async createUnverified(m: EntityManager, id: string, person: PersonInput, claimedBlindIndex: string | null): Promise<string> {
    await m.query(
      `INSERT INTO petitioners (id, name_enc, id_number_enc, phone_enc, address_enc, claimed_blind_index) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        id,
        this.cipher.encrypt(person.name),
        this.seal(person.idNumber),
        this.seal(person.phone),
        this.seal(person.address),
        claimedBlindIndex,
      ],
    );
    return id;
  }

  /** The contact details given now, as the petitioner's latest version: the latest one when nothing changed, else a new one. */
  async recordVersion(m: EntityManager, petitionerId: string, person: PersonInput, recordedBy: string, at: Date): Promise<string> {
    const latest = await this.latestVersion(m, petitionerId);
    const given: Contact = { name: person.name, phone: person.phone ?? null, address: person.address ?? null };
    if (latest && sameContact(latest.contact, given)) return latest.id;
    const id = uuidv7();
    await m.query(
      `INSERT INTO petitioner_versions (id, petitioner_id, name_enc, phone_enc, address_enc, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, petitionerId, this.cipher.encrypt(given.name), this.seal(person.phone), this.seal(person.address), at, recordedBy],
    );
    return id;
  }

  /** The contact details of one version (the ones a case was registered with). */
  async loadVersion(m: EntityManager, versionId: string): Promise<Contact | null> {
    const rows = await m.query<VersionRow[]>(`SELECT id, name_enc, phone_enc, address_enc FROM petitioner_versions WHERE id = $1`, [
      versionId,
    ]);
    return rows[0] ? this.contactOf(rows[0]) : null;
  }

  /** The phone on file for the petitioner: the latest version's, else the record's. */
  async phoneOnFile(m: EntityManager, petitionerId: string): Promise<string | null> {
    return (await this.latestVersion(m, petitionerId))?.contact.phone ?? (await this.load(m, petitionerId))?.phone ?? null;
  }

  /** The existing petitioner with this blind index, without creating one. */
  async findByBlindIndex(m: EntityManager, blindIndex: string): Promise<string | null> {
    const rows = await m.query<Array<{ id: string }>>(`SELECT id FROM petitioners WHERE id_blind_index = $1`, [blindIndex]);
    return rows[0]?.id ?? null;
  }

  /** The blind index an unverified record claims (null: no ID number given, or a verified record). */
  async claimedBlindIndex(m: EntityManager, id: string): Promise<string | null> {
    const rows = await m.query<Array<{ claimed_blind_index: string | null }>>(`SELECT claimed_blind_index FROM petitioners WHERE id = $1`, [
      id,
    ]);
    return rows[0]?.claimed_blind_index ?? null;
  }

  /**
   * A verified claim: the unverified record's cases and contact versions join the petitioner on file; with nothing on
   * file the record itself takes the blind index. Answers the petitioner the cases now belong to.
   */
  async link(m: EntityManager, unverifiedId: string): Promise<string> {
    const claimed = await this.claimedBlindIndex(m, unverifiedId);
    if (!claimed) return unverifiedId;
    const onFile = await this.findByBlindIndex(m, claimed);
    if (!onFile) {
      const promoted = await m.query<Array<{ id: string }>>(
        `UPDATE petitioners SET id_blind_index = claimed_blind_index, claimed_blind_index = NULL WHERE id = $1
           AND NOT EXISTS (SELECT 1 FROM petitioners WHERE id_blind_index = $2) RETURNING id`,
        [unverifiedId, claimed],
      );
      if (promoted[0]) return unverifiedId;
      return this.link(m, unverifiedId);
    }
    await m.query(`UPDATE petitions SET petitioner_id = $2 WHERE petitioner_id = $1`, [unverifiedId, onFile]);
    await m.query(`UPDATE petitioner_versions SET petitioner_id = $2 WHERE petitioner_id = $1`, [unverifiedId, onFile]);
    await m.query(`UPDATE petitioners SET claimed_blind_index = NULL WHERE id = $1`, [unverifiedId]);
    return onFile;
  }

  async load(m: EntityManager, id: string): Promise<Person | null> {
    const rows = await m.query<PetitionerRow[]>(`SELECT name_enc, id_number_enc, phone_enc, address_enc FROM petitioners WHERE id = $1`, [
      id,
    ]);
    const row = rows[0];
    if (!row) return null;
    return {
      name: this.cipher.decrypt(row.name_enc),
      idNumber: this.open(row.id_number_enc),
      phone: this.open(row.phone_enc),
      address: this.open(row.address_enc),
    };
  }

  private async latestVersion(m: EntityManager, petitionerId: string): Promise<{ id: string; contact: Contact } | null> {
    const rows = await m.query<VersionRow[]>(
      `SELECT id, name_enc, phone_enc, address_enc FROM petitioner_versions WHERE petitioner_id = $1 ORDER BY recorded_at DESC, id DESC LIMIT 1`,
      [petitionerId],
    );
    return rows[0] ? { id: rows[0].id, contact: this.contactOf(rows[0]) } : null;
  }

  private contactOf(row: VersionRow): Contact {
    return { name: this.cipher.decrypt(row.name_enc), phone: this.open(row.phone_enc), address: this.open(row.address_enc) };
  }

  private seal(value: string | undefined): string | null {
    return value ? this.cipher.encrypt(value) : null;
  }

  private open(value: string | null): string | null {
    return value === null ? null : this.cipher.decrypt(value);
  }
}

interface VersionRow {
  id: string;
  name_enc: string;
  phone_enc: string | null;
  address_enc: string | null;
}

function sameContact(a: Contact, b: Contact): boolean {
  return a.name === b.name && a.phone === b.phone && a.address === b.address;
}
