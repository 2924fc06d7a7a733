import { categoryCodeSchema, channelSchema, divisionCodeSchema, petitionTypeSchema, unitIdSchema } from '@sunshine/contracts';
import { CategoryTaxonomy, checkForm, MAX_REPRESENTATIVES } from '@sunshine/domain';
import { z } from 'zod';

const idNumber = z.string().regex(/^\d{17}[\dXx]$/, '身份证号码应为18位 / ID number must have 18 characters');
const phone = z.string().regex(/^\+?[\d-]{7,20}$/, '电话号码格式不正确 / invalid phone number');

export const personSchema = z.object({
  name: z.string().trim().min(1).max(50),
  idNumber: idNumber.optional(),
  phone: phone.optional(),
  address: z.string().trim().max(200).optional(),
});

export const subjectSchema = z.string().trim().min(2).max(100);
/** The petition's text: at most 20 000 characters (longer material goes in attachments). */
export const contentSchema = z.string().trim().min(5).max(20000, '正文不超过20000字，更多材料请作为附件上传 / at most 20000 characters: attach longer material');
export const categorySchema = categoryCodeSchema.refine((c) => CategoryTaxonomy.has(c), '未知的信访类别 / unknown category');

export const formSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('individual') }),
  z.object({
    kind: z.literal('collective'),
    /** 人次: persons who came or signed. */
    headCount: z.number().int().min(2).max(100000),
    /** At most 5 representatives (Art 20). */
    representatives: z.array(personSchema).max(MAX_REPRESENTATIVES, `代表不超过${MAX_REPRESENTATIVES}人 / at most ${MAX_REPRESENTATIVES} representatives (Art 20)`),
  }),
]);

export const accusedSchema = z.object({ unitId: unitIdSchema.optional(), person: z.string().trim().max(50).optional() });

type Refinable = { type: string; accused?: { unitId?: string; person?: string }; form: z.infer<typeof formSchema> };

/** Rules across fields: an accusation names the accused; a collective petition's form fits Art 20. */
export function refineRegistration(v: Refinable, ctx: z.RefinementCtx): void {
  if (v.type === 'accusation' && !v.accused?.unitId && !v.accused?.person) {
    ctx.addIssue({ code: 'custom', path: ['accused'], message: '检举控告须写明被检举对象 / an accusation names the accused' });
  }
  if (v.form.kind === 'collective') {
    for (const issue of checkForm({ kind: 'collective', headCount: v.form.headCount, representatives: v.form.representatives.length })) {
      ctx.addIssue({ code: 'custom', path: ['form'], message: `${issue.zh} / ${issue.en}` });
    }
  }
}

/** Staff registration of a petition from any channel (有访必录入), at the caller's unit. */
export const registerPetitionSchema = z
  .object({
    channel: channelSchema,
    /** When the unit got it (a letter's arrival, a visit's time); the registration time is set by the server. */
    receivedAt: z.iso.datetime({ offset: true }),
    type: petitionTypeSchema,
    category: categorySchema,
    placeCode: divisionCodeSchema,
    subject: subjectSchema,
    content: contentSchema,
    petitioner: personSchema,
    form: formSchema,
    accused: accusedSchema.optional(),
    /** Received at a leader's reception day (领导接待日): the case carries that leader. */
    receptionId: z.uuid().optional(),
  })
  .superRefine(refineRegistration);

export type RegisterPetitionDto = z.infer<typeof registerPetitionSchema>;
export type PersonDto = z.infer<typeof personSchema>;
