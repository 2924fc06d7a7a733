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

export interface PetitionRow {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly queryCodeHash: string;
  readonly channel: string;
  readonly type: string;
  readonly category: string;
  readonly placeCode: string;
  readonly receivingUnitId: string;
  readonly receivedAt: Date;
  readonly registeredAt: Date;
  readonly form: unknown;
  readonly petitionerId: string;
  readonly accusedUnitId: string | null;
  readonly flags: unknown;
  readonly registeredBy: string;
}

/** Intake's tables; personal data and the petition's text are sealed with the FieldCipher before they are written. */
@Injectable()
export class PetitionRepository {
  constructor(@Inject(FIELD_CIPHER) private readonly cipher: FieldCipher) {}

  /** The petitioner with this ID number's blind index, or a new one; contact details are refreshed. */
  async upsertPetitioner(m: EntityManager, id: string, person: PersonInput, blindIndex: string | null): Promise<string> {
    if (blindIndex) {
      const found = await m.query<Array<{ id: string }>>(`SELECT id FROM petitioners WHERE id_blind_index = $1 LIMIT 1 FOR UPDATE`, [blindIndex]);
      const existing = found[0]?.id;
      if (existing) {
        await m.query(`UPDATE petitioners SET name_enc = $2, phone_enc = COALESCE($3, phone_enc), address_enc = COALESCE($4, address_enc) WHERE id = $1`, [
          existing,
          this.cipher.encrypt(person.name),
          this.seal(person.phone),
          this.seal(person.address),
        ]);
        return existing;
      }
    }
    await m.query(
      `INSERT INTO petitioners (id, name_enc, id_number_enc, phone_enc, address_enc, id_blind_index) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, this.cipher.encrypt(person.name), this.seal(person.idNumber), this.seal(person.phone), this.seal(person.address), blindIndex],
    );
    return id;
  }

  async insertPetition(m: EntityManager, p: PetitionRow): Promise<void> {
    await m.query(
      `INSERT INTO petitions (case_id, case_number, query_code_hash, channel, type, category, place_code, receiving_unit_id,
         received_at, registered_at, form, petitioner_id, accused_unit_id, flags, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [p.caseId, p.caseNumber, p.queryCodeHash, p.channel, p.type, p.category, p.placeCode, p.receivingUnitId, p.receivedAt,
        p.registeredAt, JSON.stringify(p.form), p.petitionerId, p.accusedUnitId, JSON.stringify(p.flags), p.registeredBy],
    );
  }

  async insertDossier(
    m: EntityManager,
    caseId: string,
    d: { subject: string; content: string; accusedPerson?: string; representatives?: readonly PersonInput[] },
  ): Promise<void> {
    await m.query(
      `INSERT INTO dossiers (case_id, subject_enc, content_enc, accused_person_enc, representatives_enc) VALUES ($1, $2, $3, $4, $5)`,
      [caseId, this.cipher.encrypt(d.subject), this.cipher.encrypt(d.content), this.seal(d.accusedPerson),
        d.representatives && d.representatives.length > 0 ? this.cipher.encrypt(JSON.stringify(d.representatives)) : null],
    );
  }

  private seal(value: string | undefined): string | null {
    return value ? this.cipher.encrypt(value) : null;
  }
}
