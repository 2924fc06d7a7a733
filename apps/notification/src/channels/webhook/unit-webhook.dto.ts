import { z } from 'zod';

/** PUT /units/{unitId}/webhook: where notices go and, optionally, the secret (else one is generated and shown once). */
export const putUnitWebhookSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: '须为 http(s) 地址 / must be an http(s) URL' })
      .max(2000)
      .refine(
        (u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password),
        '地址中不得含用户名或密码 / no credentials in the URL',
      )
      .describe('接收通知的地址 the receiver’s URL (http or https)'),
    secret: z
      .string()
      .min(16, '签名密钥至少 16 个字符 / the secret has at least 16 characters')
      .max(256)
      .regex(/^[\x21-\x7e]+$/, '签名密钥只能含可见 ASCII 字符 / printable ASCII only')
      .optional()
      .describe('HMAC-SHA256 签名密钥；省略则由系统生成并仅返回一次 the signing secret; generated and shown once when absent'),
  })
  .strict();

export type PutUnitWebhookDto = z.infer<typeof putUnitWebhookSchema>;

/** What GET answers: the URL without its query, the secret masked. */
export interface UnitWebhookView {
  readonly unitId: string;
  readonly url: string;
  readonly secret: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** What PUT answers: the view, and the generated secret in clear when the caller gave none (shown this once). */
export interface UnitWebhookSaved extends UnitWebhookView {
  readonly generatedSecret?: string;
}
