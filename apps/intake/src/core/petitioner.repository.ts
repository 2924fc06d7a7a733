import { Inject, Injectable } from '@nestjs/common';
import type { FieldCipher } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
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

/** Petitioners: personal data sealed with the FieldCipher; the blind index of the ID number recognises a returning one. */
@Injectable()
export class PetitionerRepository {
  constructor(@Inject(FIELD_CIPHER) private readonly cipher: FieldCipher) {}

  /**
   * The petitioner with this ID number's blind index, or a new one (atomic under concurrency: the index is unique).
   * `refresh`: contact details given now replace the stored ones — only when staff saw the person (a visit, a call),
   * never from an online form, where anyone may type someone else's ID number.
   */
  async upsert(m: EntityManager, id: string, person: PersonInput, blindIndex: string | null, refresh: boolean): Promise<string> {
    const values = [id, this.cipher.encrypt(person.name), this.seal(person.idNumber), this.seal(person.phone), this.seal(person.address)];
    if (!blindIndex) {
      await m.query(`INSERT INTO petitioners (id, name_enc, id_number_enc, phone_enc, address_enc) VALUES ($1, $2, $3, $4, $5)`, values);
      return id;
    }
    const rows = await m.query<Array<{ id: string }>>(
      `INSERT INTO petitioners (id, name_enc, id_number_enc, phone_enc, address_enc, id_blind_index) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id_blind_index) WHERE id_blind_index IS NOT NULL
       DO UPDATE SET name_enc = CASE WHEN $7 THEN EXCLUDED.name_enc ELSE petitioners.name_enc END,
         phone_enc = CASE WHEN $7 THEN COALESCE(EXCLUDED.phone_enc, petitioners.phone_enc) ELSE petitioners.phone_enc END,
         address_enc = CASE WHEN $7 THEN COALESCE(EXCLUDED.address_enc, petitioners.address_enc) ELSE petitioners.address_enc END
       RETURNING id`,
      [...values, blindIndex, refresh],
    );
    const found = rows[0]?.id;
    if (!found) throw new Error('petitioner upsert returned nothing');
    return found;
  }

  /** The existing petitioner with this blind index, without creating one. */
  async findByBlindIndex(m: EntityManager, blindIndex: string): Promise<string | null> {
    const rows = await m.query<Array<{ id: string }>>(`SELECT id FROM petitioners WHERE id_blind_index = $1`, [blindIndex]);
    return rows[0]?.id ?? null;
  }

  async load(m: EntityManager, id: string): Promise<Person | null> {
    const rows = await m.query<PetitionerRow[]>(`SELECT name_enc, id_number_enc, phone_enc, address_enc FROM petitioners WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row) return null;
    return {
      name: this.cipher.decrypt(row.name_enc),
      idNumber: this.open(row.id_number_enc),
      phone: this.open(row.phone_enc),
      address: this.open(row.address_enc),
    };
  }

  private seal(value: string | undefined): string | null {
    return value ? this.cipher.encrypt(value) : null;
  }

  private open(value: string | null): string | null {
    return value === null ? null : this.cipher.decrypt(value);
  }
}
