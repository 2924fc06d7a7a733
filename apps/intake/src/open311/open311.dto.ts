import { z } from 'zod';

/** An Open311 list parameter: comma-separated values (e.g. `status=open,closed`). */
const commaList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    )
    .pipe(z.array(item).min(1).max(100));

const w3cDate = z.string().datetime({ offset: true, message: '须为 W3C 日期时间 / a W3C datetime (e.g. 2026-12-01T08:00:00+08:00)' });

/** `GET /open311/v2/requests`: every filter of GeoReport v2; the api_key names the client whose requests are listed. */
export const open311ListQuerySchema = z.object({
  api_key: z.string().min(16).max(200).describe('客户端密钥 / the client api_key (required here: a client sees its own requests only)'),
  jurisdiction_id: z.string().max(12).optional(),
  service_request_id: commaList(z.string().uuid()).optional().describe('逗号分隔 / comma-separated ids'),
  service_code: commaList(z.string().max(64)).optional(),
  start_date: w3cDate.optional(),
  end_date: w3cDate.optional(),
  status: commaList(z.enum(['open', 'closed'])).optional(),
});
export type Open311ListQuery = z.infer<typeof open311ListQuerySchema>;

export const open311ReadQuerySchema = z.object({
  api_key: z.string().min(16).max(200).describe('客户端密钥 / the client api_key'),
  jurisdiction_id: z.string().max(12).optional(),
});
export type Open311ReadQuery = z.infer<typeof open311ReadQuerySchema>;

export const open311ServicesQuerySchema = z.object({ jurisdiction_id: z.string().max(12).optional() });
export type Open311ServicesQuery = z.infer<typeof open311ServicesQuerySchema>;

const coordinate = z.union([z.number(), z.string().regex(/^-?\d{1,3}(\.\d+)?$/)]).transform(Number);

/**
 * `POST /open311/v2/requests` (application/x-www-form-urlencoded as the specification, or JSON): the fields GeoReport v2
 * names. The location is `address_string` with the division code (区划代码) as `attribute[division_code]` (no geocoder);
 * the petitioner's name is first_name + last_name and the phone is required (a petition answers its petitioner).
 */
export const open311PostSchema = z.object({
  api_key: z.string().min(16).max(200),
  jurisdiction_id: z.string().max(12).optional(),
  service_code: z.string().min(1).max(64),
  lat: coordinate.optional(),
  long: coordinate.optional(),
  address_string: z.string().max(500).optional(),
  address_id: z.string().max(100).optional(),
  email: z.string().email().max(200).optional(),
  device_id: z.string().max(200).optional(),
  account_id: z.string().max(200).optional(),
  first_name: z.string().max(50).optional(),
  last_name: z.string().min(1).max(50),
  phone: z.string().regex(/^\+?[\d-]{7,20}$/, '电话号码格式不正确 / invalid phone number'),
  description: z.string().min(1).max(4000),
  media_url: z.string().url().max(1000).optional(),
  'attribute[division_code]': z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '区划代码须为6、9或12位数字 / 6, 9 or 12 digits'),
  'attribute[petition_type]': z.enum(['claim', 'suggestion', 'accusation']).default('claim'),
  /** The client's own id of the request: a retry with the same id registers nothing twice (as an Idempotency-Key). */
  'attribute[client_request_id]': z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,128}$/, '1至128位字母、数字或 . _ : - / 1 to 128 of [A-Za-z0-9._:-]')
    .optional(),
});
export type Open311PostDto = z.infer<typeof open311PostSchema>;

/** The answers, for the OpenAPI document (the test checks them against JSON Schemas written from the specification). */
export const open311ServiceAnswer = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export const open311DefinitionAnswer = z.object({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.string(),
      required: z.boolean(),
      datatype_description: z.string(),
      order: z.number().int(),
      description: z.string(),
      values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
    }),
  ),
});
export const open311RequestAnswer = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  agency_responsible: z.string(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  address: z.string(),
  lat: z.number().optional(),
  long: z.number().optional(),
});
export const open311CreatedAnswer = z.object({ service_request_id: z.string(), token: z.string(), service_notice: z.string() });
export const open311TokenAnswer = z.object({ service_request_id: z.string(), token: z.string() });
export const open311ErrorsAnswer = z.array(z.object({ code: z.number().int(), description: z.string() }));
