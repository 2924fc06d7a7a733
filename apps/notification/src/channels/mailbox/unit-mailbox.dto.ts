import { z } from 'zod';

/** PUT /units/{unitId}/mailbox: the unit's official mailbox (单位政务邮箱) that its notices by e-mail go to. */
export const putUnitMailboxSchema = z
  .object({
    address: z
      .email({ error: '须为有效的电子邮箱地址 / must be an e-mail address' })
      .max(254)
      .describe('单位政务邮箱 the unit’s official mailbox, e.g. xfb@yanjin.gov.cn'),
  })
  .strict();

export type PutUnitMailboxDto = z.infer<typeof putUnitMailboxSchema>;

/** What GET and PUT answer: the address masked (first character and domain). */
export interface UnitMailboxView {
  readonly unitId: string;
  readonly address: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}
