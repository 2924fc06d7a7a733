import { categoryCodeSchema, channelSchema, divisionCodeSchema, petitionTypeSchema, unitIdSchema } from '@sunshine/contracts';
import { CategoryTaxonomy, MAX_REPRESENTATIVES } from '@sunshine/domain';
import { z } from 'zod';

const idNumber = z.string().regex(/^\d{17}[\dXx]$/, '身份证号码应为18位 / ID number must have 18 characters');
const phone = z.string().regex(/^\+?[\d-]{7,20}$/, '电话号码格式不正确 / invalid phone number');

const person = z.object({
  name: z.string().trim().min(1).max(50),
  idNumber: idNumber.optional(),
  phone: phone.optional(),
  address: z.string().trim().max(200).optional(),
});

/** Staff registration of a petition from any channel (有访必录入). */
export const registerPetitionSchema = z
  .object({
    channel: channelSchema,
    /** When the bureau got it (a letter's arrival, a visit's time); registration time is set by the server. */
    receivedAt: z.iso.datetime({ offset: true }),
    type: petitionTypeSchema,
    category: categoryCodeSchema.refine((c) => CategoryTaxonomy.has(c), '未知的信访类别 / unknown category'),
    placeCode: divisionCodeSchema,
    subject: z.string().trim().min(2).max(100),
    content: z.string().trim().min(5).max(20000),
    petitioner: person,
    form: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('individual') }),
      z.object({
        kind: z.literal('collective'),
        headCount: z.number().int().min(2).max(100000),
        representatives: z.array(person).max(MAX_REPRESENTATIVES, `代表不超过${MAX_REPRESENTATIVES}人 / at most ${MAX_REPRESENTATIVES} representatives (Art 20)`),
      }),
    ]),
    accused: z.object({ unitId: unitIdSchema.optional(), person: z.string().trim().max(50).optional() }).optional(),
    leaderReception: z.string().trim().max(96).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'accusation' && !v.accused?.unitId && !v.accused?.person) {
      ctx.addIssue({ code: 'custom', path: ['accused'], message: '检举控告须写明被检举对象 / an accusation names the accused' });
    }
    if (Date.parse(v.receivedAt) > Date.now() + 60_000) {
      ctx.addIssue({ code: 'custom', path: ['receivedAt'], message: '收到时间不能晚于现在 / cannot be in the future' });
    }
  });

export type RegisterPetitionDto = z.infer<typeof registerPetitionSchema>;
