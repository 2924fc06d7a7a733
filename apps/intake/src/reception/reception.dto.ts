import { staffRefSchema, unitIdSchema } from '@sunshine/contracts';
import { z } from 'zod';

import { personSchema } from '../registration/register-petition.dto';

/** 领导接待日: a leader receives petitioners at the unit, at a published time and place. */
export const createReceptionSchema = z
  .object({
    /** The leader's staff reference (cases received there carry it). */
    leaderRef: staffRefSchema,
    /** Published: the leader's name and post are public information. */
    leaderName: z.string().trim().min(1).max(50),
    leaderTitle: z.string().trim().min(1).max(50),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    place: z.string().trim().min(2).max(100),
    capacity: z.number().int().min(1).max(500),
  })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), {
    path: ['endsAt'],
    message: '结束时间须晚于开始时间 / must end after it starts',
  });
export type CreateReceptionDto = z.infer<typeof createReceptionSchema>;

export const receptionQuerySchema = z.object({
  unitId: unitIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ReceptionQuery = z.infer<typeof receptionQuerySchema>;

/** A petitioner books a place at a reception (预约接访). */
export const bookAppointmentSchema = z.object({
  name: personSchema.shape.name,
  phone: personSchema.shape.phone.unwrap(),
  subject: z.string().trim().min(2).max(100),
});
export type BookAppointmentDto = z.infer<typeof bookAppointmentSchema>;
