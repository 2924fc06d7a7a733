import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { AppointmentView, Booked, ReceptionView } from './reception.service';

/** One leader reception (领导接待日) as published: who receives, when, where, and how many places are taken. */
export const receptionViewSchema = z.object({
  id: z.uuid(),
  unitId: z.string().describe('接待单位 / the receiving unit'),
  unitName: z.string().nullable().describe('单位名称（目录中没有时为空） / its name, null when not in the directory'),
  leaderName: z.string(),
  leaderTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  capacity: z.number().int().describe('名额 / places'),
  booked: z.number().int().describe('已预约 / places booked'),
});

/** GET /public/receptions: receptions not yet over, soonest first. */
export const receptionListSchema = z.array(receptionViewSchema);

/** POST /public/receptions/{receptionId}/appointments: the appointment number and the reception as it now stands. */
export const bookedSchema = z.object({
  appointmentNumber: z.string().describe('预约号 / the appointment number'),
  reception: receptionViewSchema,
});

/** GET /receptions/{receptionId}/appointments (staff of the receiving unit): the phone masked. */
export const appointmentListSchema = z.array(
  z.object({
    appointmentNumber: z.string(),
    name: z.string(),
    phone: z.string().describe('手机号（已脱敏） / the phone, masked'),
    subject: z.string().describe('反映事项 / the matter'),
    caseId: z.uuid().nullable().describe('接访后登记的信访事项 / the case registered at the reception'),
    bookedAt: z.string(),
  }),
);

/** Compile-time guards: the service's types and the documented schemas stay one. */
export type ReceptionViewDocumented = AssertTrue<ResponseMatches<ReceptionView, typeof receptionViewSchema>>;
export type BookedDocumented = AssertTrue<ResponseMatches<Booked, typeof bookedSchema>>;
export type AppointmentListDocumented = AssertTrue<ResponseMatches<AppointmentView[], typeof appointmentListSchema>>;
