import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseStatusTaxonomy, isTerminalStatus } from '@sunshine/domain';
import { CaseReplicaStore, Clock, DomainException, type FieldCipher, OrgDirectorySource } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { CategoryTableService } from '../categories/category-table.service';
import { PetitionRepository } from '../core/petition.repository';
import { FIELD_CIPHER } from '../crypto/crypto.module';
import { OnlineSubmissionService } from '../self-service/online-submission.service';
import type { Open311ListQuery, Open311PostDto } from './open311.dto';

/** A GeoReport v2 service (the list entry): one code of the category table, named in zh-CN. */
export interface Open311ServiceEntry {
  readonly service_code: string;
  readonly service_name: string;
  readonly description: string;
  readonly metadata: boolean;
  readonly type: 'realtime' | 'batch' | 'blackbox';
  readonly keywords: string;
  readonly group: string;
}

export interface Open311Attribute {
  readonly variable: boolean;
  readonly code: string;
  readonly datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  readonly required: boolean;
  readonly datatype_description: string;
  readonly order: number;
  readonly description: string;
  readonly values?: ReadonlyArray<{ readonly key: string; readonly name: string }>;
}

export interface Open311ServiceDefinition {
  readonly service_code: string;
  readonly attributes: readonly Open311Attribute[];
}

/** A GeoReport v2 service request as a public GET shows it: no personal data, no petition text. */
export interface Open311Request {
  readonly service_request_id: string;
  readonly status: 'open' | 'closed';
  readonly status_notes: string;
  readonly service_name: string;
  readonly service_code: string;
  readonly agency_responsible: string;
  readonly requested_datetime: string;
  readonly updated_datetime: string;
  readonly address: string;
  readonly lat?: number;
  readonly long?: number;
}

export interface Open311Created {
  readonly service_request_id: string;
  readonly token: string;
  readonly service_notice: string;
}

export interface Open311TokenAnswer {
  readonly service_request_id: string;
  readonly token: string;
}

/** GeoReport v2's error: an HTTP-like numeric code and a description (zh / en). */
export function open311Error(code: string, kind: 'invalid' | 'unauthenticated' | 'not-found', zh: string, en: string): DomainException {
  return new DomainException(code, kind, { zh, en });
}

const keyHash = (apiKey: string): string => createHash('sha256').update(apiKey, 'utf8').digest('hex');

interface ClientRow {
  id: string;
  jurisdiction_id: string;
}
interface RequestRow {
  case_id: string;
  service_code: string;
  token: string;
  requested_at: Date;
  address_string: string | null;
  lat: number | null;
  long: number | null;
}

const DIVISION_ATTRIBUTE: Open311Attribute = {
  variable: true,
  code: 'division_code',
  datatype: 'string',
  required: true,
  order: 1,
  datatype_description: '6、9或12位行政区划代码 / a 6, 9 or 12 digit division code (GB/T 2260, 统计用区划代码)',
  description: '事发地行政区划代码 / the division code of the place (no geocoder: address_string is kept as given)',
};
const TYPE_ATTRIBUTE: Open311Attribute = {
  variable: true,
  code: 'petition_type',
  datatype: 'singlevaluelist',
  required: false,
  order: 2,
  datatype_description: '信访形式类别，缺省为申诉求决 / the petition type, claim by default',
  description: '信访事项类型 / petition type',
  values: [
    { key: 'claim', name: '申诉求决' },
    { key: 'suggestion', name: '意见建议' },
    { key: 'accusation', name: '检举控告（不公开，任何列表与查询均不显示 / never shown by any GET, Art 30）' },
  ],
};

const CLIENT_REQUEST_ATTRIBUTE: Open311Attribute = {
  variable: true,
  code: 'client_request_id',
  datatype: 'string',
  required: false,
  order: 3,
  datatype_description: '1至128位字母、数字或 . _ : - / 1 to 128 letters, digits or . _ : -',
  description:
    '客户端请求编号：同一编号重发只登记一次（或用 Idempotency-Key 请求头） / the client’s own id: sent again, registered once (or send an Idempotency-Key header)',
};

/**
 * Open311 GeoReport v2 on intake. A request is registered as a petition by the one online path (网上信访,
 * OnlineSubmissionService, channel `app`); this service keeps only which client sent which case. Public reads (issue 21):
 * a client reads its own requests only, by its api_key; an accusation (检举控告) is never shown to anyone (Art 30).
 */
@Injectable()
export class Open311Service {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly categories: CategoryTableService,
    private readonly submissions: OnlineSubmissionService,
    private readonly petitions: PetitionRepository,
    private readonly replica: CaseReplicaStore,
    private readonly directory: OrgDirectorySource,
    private readonly clock: Clock,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  /** Registers a client; the api_key is answered once and only its hash is kept. */
  async createClient(name: string, jurisdictionId: string, createdBy: string): Promise<{ id: string; apiKey: string }> {
    const id = uuidv7();
    const apiKey = randomBytes(24).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO open311_clients (id, name, key_hash, jurisdiction_id, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, name, keyHash(apiKey), jurisdictionId, this.clock.now(), createdBy],
    );
    return { id, apiKey };
  }

  async services(): Promise<Open311ServiceEntry[]> {
    const table = await this.categories.list();
    const zh = new Map(table.map((c) => [c.code, c.zh]));
    return table.map((c) => ({
      service_code: c.code,
      service_name: c.zh,
      description: `${c.zh} / ${c.en}`,
      metadata: true,
      type: 'batch',
      keywords: c.en,
      group: c.parent ? (zh.get(c.parent) ?? c.parent) : c.zh,
    }));
  }

  definition(code: string): Open311ServiceDefinition {
    if (!this.categories.has(code)) throw this.unknownService(code);
    return { service_code: code, attributes: [DIVISION_ATTRIBUTE, TYPE_ATTRIBUTE, CLIENT_REQUEST_ATTRIBUTE] };
  }

  /**
   * Registers a request once per client and `Idempotency-Key` header, or per `attribute[client_request_id]` without one:
   * a retried POST answers the same service_request_id, token and notice (the platform's IdempotencyService, scope
   * `open311:<client>`; the same key with another body 409). The request row is written in the registration's transaction.
   */
  async submit(dto: Open311PostDto, idempotencyKey: string | null = null): Promise<Open311Created> {
    const client = await this.client(dto.api_key, dto.jurisdiction_id);
    if (!this.categories.has(dto.service_code)) throw this.unknownService(dto.service_code);
    const place = dto.address_string ?? '';
    const body = { ...dto, api_key: undefined };
    const clientId = dto['attribute[client_request_id]'];
    const key = idempotencyKey !== null ? `header:${idempotencyKey}` : clientId !== undefined ? `id:${clientId}` : null;
    const submitted = await this.submissions.submit(
      {
        channel: 'app',
        type: dto['attribute[petition_type]'],
        category: dto.service_code,
        placeCode: dto['attribute[division_code]'],
        subject: `${(await this.categoryName(dto.service_code)) ?? dto.service_code}${place ? `：${place}` : ''}`.slice(0, 100),
        content: place ? `${dto.description}\n\n地点 / place: ${place}` : dto.description,
        petitioner: { name: `${dto.last_name}${dto.first_name ?? ''}`, phone: dto.phone },
        form: { kind: 'individual' },
      },
      null,
      {
        idempotent: key === null ? null : { scope: `open311:${client.id}`, key, body },
        within: (m, registered) => this.recordRequest(m, registered.caseId, client.id, dto),
      },
    );
    const [row] = await this.dataSource.query<Array<{ case_id: string; token: string }>>(
      `SELECT r.case_id, r.token FROM open311_requests r JOIN petitions p ON p.case_id = r.case_id WHERE p.case_number = $1`,
      [submitted.caseNumber],
    );
    if (!row) throw new Error(`registered case ${submitted.caseNumber} has no Open311 request`);
    return {
      service_request_id: row.case_id,
      token: row.token,
      service_notice: `已登记，信访件编号 ${submitted.caseNumber}，查询码 ${submitted.queryCode}（请告知信访人） / registered as ${submitted.caseNumber}, query code ${submitted.queryCode} (for the petitioner)`,
    };
  }

  /** Which client sent the case, with the location and contact as given (the e-mail sealed). */
  private async recordRequest(m: EntityManager, caseId: string, clientId: string, dto: Open311PostDto): Promise<void> {
    await m.query(
      `INSERT INTO open311_requests (case_id, client_id, token, service_code, requested_at, address_string, lat, long, email_enc, device_id, account_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        caseId,
        clientId,
        randomBytes(16).toString('hex'),
        dto.service_code,
        this.clock.now(),
        dto.address_string ?? null,
        dto.lat ?? null,
        dto.long ?? null,
        dto.email ? this.cipher.encrypt(dto.email) : null,
        dto.device_id ?? null,
        dto.account_id ?? null,
      ],
    );
  }

  async list(query: Open311ListQuery): Promise<Open311Request[]> {
    const client = await this.client(query.api_key, query.jurisdiction_id);
    const where = ['client_id = $1'];
    const params: unknown[] = [client.id];
    const add = (clause: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(clause(params.length));
    };
    // GeoReport v2: service_request_id overrides every other argument; without dates, the last 90 days; at most 1000.
    const ids = query.service_request_id;
    if (ids) add((n) => `case_id = ANY($${n}::uuid[])`, ids);
    else {
      if (query.service_code) add((n) => `service_code = ANY($${n}::text[])`, query.service_code);
      const end = query.end_date ? new Date(query.end_date) : this.clock.now();
      add((n) => `requested_at >= $${n}`, query.start_date ? new Date(query.start_date) : new Date(end.getTime() - 90 * 86_400_000));
      if (query.end_date) add((n) => `requested_at <= $${n}`, end);
    }
    const rows = await this.dataSource.query<RequestRow[]>(
      `SELECT case_id, service_code, token, requested_at, address_string, lat, long FROM open311_requests WHERE ${where.join(' AND ')}
       ORDER BY requested_at DESC LIMIT 1000`,
      params,
    );
    const out: Open311Request[] = [];
    for (const row of rows) {
      const shown = await this.show(this.dataSource.manager, row);
      if (shown && (ids || !query.status || query.status.includes(shown.status))) out.push(shown);
    }
    return out;
  }

  async read(id: string, apiKey: string, jurisdictionId?: string): Promise<Open311Request> {
    const client = await this.client(apiKey, jurisdictionId);
    const [row] = await this.dataSource.query<RequestRow[]>(
      `SELECT case_id, service_code, token, requested_at, address_string, lat, long FROM open311_requests WHERE case_id::text = $1 AND client_id = $2`,
      [id, client.id],
    );
    const shown = row ? await this.show(this.dataSource.manager, row) : null;
    if (!shown) throw this.notFound();
    return shown;
  }

  async token(token: string, apiKey: string, jurisdictionId?: string): Promise<Open311TokenAnswer> {
    const client = await this.client(apiKey, jurisdictionId);
    const [row] = await this.dataSource.query<Array<{ case_id: string; type: string }>>(
      `SELECT r.case_id, p.type FROM open311_requests r JOIN petitions p ON p.case_id = r.case_id WHERE r.token = $1 AND r.client_id = $2`,
      [token, client.id],
    );
    if (!row || row.type === 'accusation') throw this.notFound();
    return { service_request_id: row.case_id, token };
  }

  /** A request as a public GET shows it, from the case replica; null for an accusation (Art 30), which no GET shows. */
  private async show(m: EntityManager, row: RequestRow): Promise<Open311Request | null> {
    const petition = await this.petitions.find(m, row.case_id);
    if (!petition || petition.type === 'accusation') return null;
    const state = (await this.replica.read(m, row.case_id))?.state;
    const status = state?.status ?? 'registered';
    const holder = state?.holdingUnitId ?? petition.receivingUnitId;
    const history = await this.replica.history(m, row.case_id);
    const updated = history.at(-1)?.occurredAt ?? petition.registeredAt.toISOString();
    return {
      service_request_id: row.case_id,
      status: isTerminalStatus(status) ? 'closed' : 'open',
      status_notes: `${CaseStatusTaxonomy.label(status, 'zh')} / ${CaseStatusTaxonomy.label(status, 'en')}`,
      service_name: (await this.categoryName(row.service_code)) ?? row.service_code,
      service_code: row.service_code,
      agency_responsible: (await this.directory.current(m)).get(holder)?.name ?? '',
      requested_datetime: row.requested_at.toISOString(),
      updated_datetime: updated,
      address: row.address_string ?? '',
      ...(row.lat !== null ? { lat: row.lat } : {}),
      ...(row.long !== null ? { long: row.long } : {}),
    };
  }

  /** The zh-CN name of a code of the category table. */
  private async categoryName(code: string): Promise<string | undefined> {
    return (await this.categories.list()).find((c) => c.code === code)?.zh;
  }

  /** The client of this api_key (and jurisdiction, when given), else 403 as the specification answers a bad key. */
  private async client(apiKey: string, jurisdictionId?: string): Promise<ClientRow> {
    const [row] = await this.dataSource.query<ClientRow[]>(
      `SELECT id, jurisdiction_id FROM open311_clients WHERE key_hash = $1 AND disabled_at IS NULL`,
      [keyHash(apiKey)],
    );
    if (!row) throw new DomainException('OPEN311_API_KEY_INVALID', 'forbidden', { zh: 'api_key 无效', en: 'invalid api_key' });
    if (jurisdictionId !== undefined && jurisdictionId !== row.jurisdiction_id) {
      throw open311Error(
        'OPEN311_JURISDICTION_UNKNOWN',
        'not-found',
        `不受理管辖区 ${jurisdictionId}`,
        `jurisdiction_id ${jurisdictionId} is not served`,
      );
    }
    return row;
  }

  private unknownService(code: string): DomainException {
    return open311Error(
      'OPEN311_SERVICE_UNKNOWN',
      'not-found',
      `服务代码 ${code} 不在类别代码表中`,
      `service_code ${code} is not in the category table`,
    );
  }

  private notFound(): DomainException {
    return open311Error('OPEN311_REQUEST_NOT_FOUND', 'not-found', '未找到该服务请求', 'no such service request');
  }
}
