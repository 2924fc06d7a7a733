import { createHmac } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DomainException, type FieldCipher, maskIdentifier, OrgDirectorySource, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { caseNotFound, unprocessableField } from '../core/intake-errors';
import { FIELD_CIPHER } from '../crypto/crypto.module';
import type { CitizenClient } from '../http/citizen-client.decorator';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import type { BookAppointmentDto, CreateReceptionDto, ReceptionQuery } from './reception.dto';

export interface ReceptionView {
  readonly id: string;
  readonly unitId: string;
  readonly unitName: string | null;
  readonly leaderName: string;
  readonly leaderTitle: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place: string;
  readonly capacity: number;
  readonly booked: number;
}

/** A place booked at a reception: its number, and the reception as it now stands. */
export interface Booked {
  readonly appointmentNumber: string;
  readonly reception: ReceptionView;
}

/** One appointment as the staff of the receiving unit see it (the phone masked). */
export interface AppointmentView {
  readonly appointmentNumber: string;
  readonly name: string;
  readonly phone: string;
  readonly subject: string;
  readonly caseId: string | null;
  readonly bookedAt: string;
}

interface ReceptionRow {
  id: string;
  unit_id: string;
  leader_ref: string;
  leader_name: string;
  leader_title: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  capacity: number;
  booked: string;
}

/** Who publishes a leader reception (the controller's @Roles). */
export const SCHEDULING_ROLES = ['leader', 'head', 'admin', 'clerk'] as const;

/** Per-person limits (the person: a keyed hash of the phone): one place per reception, this many receptions not yet over. */
export const MAX_UPCOMING_PER_PERSON = 2;
/** Places one client (address) may book at one reception: a household, not a crowd. */
export const MAX_PER_CLIENT_PER_RECEPTION = 3;

/** 领导接待日: the published schedule, appointments, and the leader a case received at a reception carries. */
@Injectable()
export class ReceptionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: OrgDirectorySource,
    private readonly clock: Clock,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async create(dto: CreateReceptionDto, staff: StaffPrincipal): Promise<ReceptionView> {
    if (!(await this.directory.current()).get(staff.unitId)) {
      throw unprocessableField('UNKNOWN_RECEIVING_UNIT', 'unitId', '本单位不在组织目录中', `unit ${staff.unitId} is not in the directory`);
    }
    const id = uuidv7();
    await this.dataSource.query(
      `INSERT INTO receptions (id, unit_id, leader_ref, leader_name, leader_title, starts_at, ends_at, place, capacity, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        staff.unitId,
        dto.leaderRef,
        dto.leaderName,
        dto.leaderTitle,
        new Date(dto.startsAt),
        new Date(dto.endsAt),
        dto.place,
        dto.capacity,
        staff.subject,
        this.clock.now(),
      ],
    );
    return this.view(id);
  }

  /** The published schedule: receptions not yet over, soonest first. */
  async upcoming(q: ReceptionQuery): Promise<ReceptionView[]> {
    const rows = await this.dataSource.query<ReceptionRow[]>(
      `SELECT r.*, (SELECT count(*) FROM appointments a WHERE a.reception_id = r.id) AS booked FROM receptions r
       WHERE r.ends_at > $1 AND ($2::text IS NULL OR r.unit_id = $2) ORDER BY r.starts_at LIMIT $3`,
      [this.clock.now(), q.unitId ?? null, q.limit],
    );
    return Promise.all(rows.map((r) => this.toView(r)));
  }

  /**
   * 预约接访, within per-person limits (issue 17, door 10): one place per person (phone) and reception (409
   * ALREADY_BOOKED), at most MAX_UPCOMING_PER_PERSON receptions not yet over (422 BOOKING_LIMIT), at most
   * MAX_PER_CLIENT_PER_RECEPTION places per client at one reception (422 BOOKING_LIMIT): one name and phone cannot fill it.
   */
  async book(receptionId: string, dto: BookAppointmentDto, client: CitizenClient): Promise<Booked> {
    const person = this.keyed('person', dto.phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, ''));
    const clientKey = this.keyed('client', client.address);
    const number = await this.dataSource.transaction(async (m) => {
      const rows = await m.query<ReceptionRow[]>(`SELECT *, '0' AS booked FROM receptions WHERE id = $1 FOR UPDATE`, [receptionId]);
      const reception = rows[0];
      const now = this.clock.now();
      if (!reception || reception.ends_at.getTime() <= now.getTime()) {
        throw new DomainException('RECEPTION_NOT_FOUND', 'not-found', {
          zh: '没有该场次的领导接待，或已结束',
          en: 'no such reception, or it is over',
        });
      }
      const [count] = await m.query<Array<{ n: string; mine: string; client: string }>>(
        `SELECT count(*) AS n, count(*) FILTER (WHERE person_index = $2) AS mine, count(*) FILTER (WHERE client_key = $3) AS client
           FROM appointments WHERE reception_id = $1`,
        [receptionId, person, clientKey],
      );
      const booked = Number(count?.n ?? 0);
      if (Number(count?.mine ?? 0) > 0)
        throw new DomainException('ALREADY_BOOKED', 'conflict', {
          zh: '您已预约该场次',
          en: 'this phone already holds a place at this reception',
        });
      if (booked >= reception.capacity)
        throw new DomainException('RECEPTION_FULL', 'conflict', { zh: '该场次预约已满', en: 'the reception is fully booked' });
      await this.assertWithinLimits(m, person, Number(count?.client ?? 0), now);
      const appointmentNumber = `${receptionId.slice(-8).toUpperCase()}-${String(booked + 1).padStart(3, '0')}`;
      await m.query(
        `INSERT INTO appointments (id, reception_id, number, name_enc, phone_enc, subject_enc, created_at, person_index, client_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          uuidv7(),
          receptionId,
          appointmentNumber,
          this.cipher.encrypt(dto.name),
          this.cipher.encrypt(dto.phone),
          this.cipher.encrypt(dto.subject),
          now,
          person,
          clientKey,
        ],
      );
      return appointmentNumber;
    });
    return { appointmentNumber: number, reception: await this.view(receptionId) };
  }

  private async assertWithinLimits(m: EntityManager, person: string, clientPlaces: number, now: Date): Promise<void> {
    const [upcoming] = await m.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM appointments a JOIN receptions r ON r.id = a.reception_id WHERE a.person_index = $1 AND r.ends_at > $2`,
      [person, now],
    );
    if (Number(upcoming?.n ?? 0) >= MAX_UPCOMING_PER_PERSON || clientPlaces >= MAX_PER_CLIENT_PER_RECEPTION) {
      throw new DomainException('BOOKING_LIMIT', 'unprocessable', {
        zh: `每人最多预约${MAX_UPCOMING_PER_PERSON}场尚未举行的领导接待，同一终端每场最多预约${MAX_PER_CLIENT_PER_RECEPTION}个名额`,
        en: `at most ${MAX_UPCOMING_PER_PERSON} upcoming receptions per person, and ${MAX_PER_CLIENT_PER_RECEPTION} places per client at one reception`,
      });
    }
  }

  private keyed(kind: string, value: string): string {
    return createHmac('sha256', this.config.blindIndexKey).update(`${kind}|${value}`).digest('base64url');
  }

  /** The appointments of a reception, for the staff of the receiving unit (phones masked). */
  async appointments(receptionId: string, staff: StaffPrincipal): Promise<AppointmentView[]> {
    const [reception] = await this.dataSource.query<ReceptionRow[]>(`SELECT *, '0' AS booked FROM receptions WHERE id = $1`, [receptionId]);
    if (!reception || reception.unit_id !== staff.unitId) throw caseNotFound();
    const rows = await this.dataSource.query<
      Array<{ number: string; name_enc: string; phone_enc: string; subject_enc: string; case_id: string | null; created_at: Date }>
    >(`SELECT number, name_enc, phone_enc, subject_enc, case_id, created_at FROM appointments WHERE reception_id = $1 ORDER BY number`, [
      receptionId,
    ]);
    return rows.map((r) => ({
      appointmentNumber: r.number,
      name: this.cipher.decrypt(r.name_enc),
      phone: maskIdentifier(this.cipher.decrypt(r.phone_enc)),
      subject: this.cipher.decrypt(r.subject_enc),
      caseId: r.case_id,
      bookedAt: r.created_at.toISOString(),
    }));
  }

  /** The leader of a reception held by the unit (a case received there carries that leader), or 422. */
  async leaderOf(m: EntityManager, receptionId: string, unitId: string): Promise<string> {
    const rows = await m.query<Array<{ leader_ref: string; unit_id: string }>>(`SELECT leader_ref, unit_id FROM receptions WHERE id = $1`, [
      receptionId,
    ]);
    const row = rows[0];
    if (!row || row.unit_id !== unitId) {
      throw unprocessableField('UNKNOWN_RECEPTION', 'receptionId', '本单位没有该场领导接待', 'no such reception at this unit');
    }
    return row.leader_ref;
  }

  private async view(id: string): Promise<ReceptionView> {
    const rows = await this.dataSource.query<ReceptionRow[]>(
      `SELECT r.*, (SELECT count(*) FROM appointments a WHERE a.reception_id = r.id) AS booked FROM receptions r WHERE r.id = $1`,
      [id],
    );
    if (!rows[0]) throw caseNotFound();
    return this.toView(rows[0]);
  }

  private async toView(r: ReceptionRow): Promise<ReceptionView> {
    return {
      id: r.id,
      unitId: r.unit_id,
      unitName: (await this.directory.current()).get(r.unit_id)?.name ?? null,
      leaderName: r.leader_name,
      leaderTitle: r.leader_title,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      place: r.place,
      capacity: r.capacity,
      booked: Number(r.booked),
    };
  }
}
