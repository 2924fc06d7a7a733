/**
 * JSON Schemas (draft-07, as ajv’s default class reads them) of the Open311 GeoReport v2 answers, written by hand from the specification's field
 * tables (wiki.open311.org/GeoReport_v2: GET Service List, GET Service Definition, POST Service Request, GET Service
 * Requests / Request, GET service_request_id from a token, Errors). Open311 publishes no JSON Schema of its own; these
 * are independent of the code under test (never generated from its zod schemas). Optional fields of the specification
 * are optional here; a field the specification does not name is refused (`additionalProperties: false`), so an answer
 * cannot carry more than a public GET may show.
 */
const str = { type: 'string' } as const;
const w3cDatetime = { type: 'string', format: 'date-time' } as const;

export const serviceListSchema = {
  $id: 'open311/service-list',
  type: 'array',
  items: {
    type: 'object',
    required: ['service_code', 'service_name', 'metadata', 'type'],
    additionalProperties: false,
    properties: {
      service_code: str,
      service_name: str,
      description: str,
      metadata: { type: 'boolean' },
      type: { enum: ['realtime', 'batch', 'blackbox'] },
      keywords: str,
      group: str,
    },
  },
} as const;

export const serviceDefinitionSchema = {
  $id: 'open311/service-definition',
  type: 'object',
  required: ['service_code', 'attributes'],
  additionalProperties: false,
  properties: {
    service_code: str,
    attributes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['variable', 'code', 'datatype', 'required', 'order', 'description'],
        additionalProperties: false,
        properties: {
          variable: { type: 'boolean' },
          code: str,
          datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
          required: { type: 'boolean' },
          datatype_description: str,
          order: { type: 'integer', minimum: 0 },
          description: str,
          values: {
            type: 'array',
            items: { type: 'object', required: ['key', 'name'], additionalProperties: false, properties: { key: str, name: str } },
          },
        },
      },
    },
  },
} as const;

/** POST Service Request: service_request_id or token (at least one), service_notice, account_id. */
export const postAnswerSchema = {
  $id: 'open311/post-answer',
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    anyOf: [{ required: ['service_request_id'] }, { required: ['token'] }],
    additionalProperties: false,
    properties: { service_request_id: str, token: str, service_notice: str, account_id: str },
  },
} as const;

export const serviceRequestsSchema = {
  $id: 'open311/service-requests',
  type: 'array',
  items: {
    type: 'object',
    required: ['service_request_id', 'status', 'service_code', 'requested_datetime'],
    additionalProperties: false,
    properties: {
      service_request_id: str,
      status: { enum: ['open', 'closed'] },
      status_notes: str,
      service_name: str,
      service_code: str,
      description: str,
      agency_responsible: str,
      service_notice: str,
      requested_datetime: w3cDatetime,
      updated_datetime: w3cDatetime,
      expected_datetime: w3cDatetime,
      address: str,
      address_id: str,
      zipcode: str,
      lat: { type: 'number' },
      long: { type: 'number' },
      media_url: str,
    },
  },
} as const;

export const tokenAnswerSchema = {
  $id: 'open311/token-answer',
  type: 'array',
  items: { type: 'object', required: ['token'], additionalProperties: false, properties: { service_request_id: str, token: str } },
} as const;

export const errorsSchema = {
  $id: 'open311/errors',
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['code', 'description'],
    additionalProperties: false,
    properties: { code: { type: 'integer' }, description: str },
  },
} as const;
