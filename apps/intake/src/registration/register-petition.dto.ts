import { categoryCodeSchema, channelSchema, petitionTypeSchema, unitIdSchema } from '@sunshine/contracts';
import { checkForm, COLLECTIVE_MIN_HEAD_COUNT, MAX_REPRESENTATIVES } from '@sunshine/domain';
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
export const contentSchema = z
  .string()
  .trim()
  .min(5)
  .max(20000, '正文不超过20000字，更多材料请作为附件上传 / at most 20000 characters: attach longer material');
/** A code of the category code table; which codes it holds is checked against the table (CategoryTableService). */
export const categorySchema = categoryCodeSchema;

export const formSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('individual') }),
  z
    .object({
      kind: z.literal('collective'),
      /** 人次: persons who came or signed; a collective petition has COLLECTIVE_MIN_HEAD_COUNT or more (checkForm). */
      headCount: z
        .number()
        .int()
        .min(1)
        .max(100000)
        .describe(`人数（集体访${COLLECTIVE_MIN_HEAD_COUNT}人及以上） / head count (collective: at least ${COLLECTIVE_MIN_HEAD_COUNT})`),
      /** At most 5 representatives (Art 20). */
      representatives: z
        .array(personSchema)
        .max(MAX_REPRESENTATIVES, `代表不超过${MAX_REPRESENTATIVES}人 / at most ${MAX_REPRESENTATIVES} representatives (Art 20)`),
    })
    // The domain's one rule of the form (libs/domain checkForm): registration, online submission and correction alike.
    .superRefine((f, ctx) => {
      for (const issue of checkForm({ kind: 'collective', headCount: f.headCount, representatives: f.representatives.length })) {
        ctx.addIssue({ code: 'custom', message: `${issue.zh} / ${issue.en}` });
      }
    }),
]);

export const accusedSchema = z.object({ unitId: unitIdSchema.optional(), person: z.string().trim().max(50).optional() });

type Refinable = { type: string; accused?: { unitId?: string; person?: string } };

/** A division code as given: 6 (GB/T 2260) to 12 digits; one the directory does not know is registered as given. */
const givenPlaceCode = z
  .string()
  .trim()
  .regex(/^\d{6,12}$/, '区划代码应为6至12位数字 / a division code has 6 to 12 digits');

/** Rules across fields: an accusation names the accused (the form's own rule is formSchema's). */
export function refineRegistration(v: Refinable, ctx: z.RefinementCtx): void {
  if (v.type === 'accusation' && !v.accused?.unitId && !v.accused?.person) {
    ctx.addIssue({ code: 'custom', path: ['accused'], message: '检举控告须写明被检举对象 / an accusation names the accused' });
  }
}

/** Staff registration of a petition from any channel (有访必录入), at the caller's unit. */
export const registerPetitionSchema = z
  .object({
    channel: channelSchema,
    /** When the unit got it (a letter's arrival, a visit's time); the registration time is set by the server. */
    receivedAt: z.iso.datetime({ offset: true }),
    type: petitionTypeSchema,
    /**
     * A code of the category code table (`GET /categories`), or the clerk's words for a matter no code names: those are
     * registered as `other` with the words kept, and the case goes to the dispatch desk (有访必录入).
     */
    category: z.string().trim().min(1).max(50),
    /**
     * The place's division code. One the directory does not know (another province, a code not in the table) is
     * registered as given, with `placeText`, and the case goes to the dispatch desk; at least one of the two.
     */
    placeCode: givenPlaceCode.optional(),
    /** The place in words, as given (e.g. 河北省石家庄市长安区), when no known code names it. */
    placeText: z.string().trim().min(2).max(100).optional(),
    /** The clerk confirms a receipt more than RECEIVED_AT_CONFIRMATION_DAYS before now (a late-registered old letter). */
    confirmReceivedAt: z.boolean().optional(),
    subject: subjectSchema,
    content: contentSchema,
    petitioner: personSchema,
    form: formSchema,
    accused: accusedSchema.optional(),
    /** Received at a leader's reception day (领导接待日): the case carries that leader. */
    receptionId: z.uuid().optional(),
    /**
     * What `POST /suggestions` answered for this text (model, suggested category, score), sent back with the form: the
     * event records it beside the category registered, so the suggestion's acceptance rate is measured.
     */
    suggestion: z.object({ model: z.string().min(1).max(64), category: categoryCodeSchema, score: z.number().min(0).max(1) }).optional(),
  })
  .superRefine(refineRegistration)
  .superRefine((v, ctx) => {
    if (v.placeCode === undefined && v.placeText === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['placeCode'],
        message: '须填写事发地区划代码或地名 / a place code or the place in words is required',
      });
    }
  });

export type RegisterPetitionDto = z.infer<typeof registerPetitionSchema>;
export type PersonDto = z.infer<typeof personSchema>;
