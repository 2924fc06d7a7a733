import { z } from 'zod';

import { personSchema } from '../registration/register-petition.dto';

/** 找回查询码, step 1: the case number and the phone registered with it. */
export const recoveryRequestSchema = z.object({
  caseNumber: z.string().trim().min(5).max(40),
  phone: personSchema.shape.phone.unwrap(),
});
export type RecoveryRequestDto = z.infer<typeof recoveryRequestSchema>;

/** Step 2: the one-time code sent to that phone; answers a new query code. */
export const recoveryResetSchema = z.object({
  caseNumber: z.string().trim().min(5).max(40),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '验证码为6位数字 / the code has 6 digits'),
});
export type RecoveryResetDto = z.infer<typeof recoveryResetSchema>;
