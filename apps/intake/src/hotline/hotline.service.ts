import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEmitter, Clock, DomainException, type FieldCipher } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { CategoryTableService } from '../categories/category-table.service';
import { IdempotencyService } from '../core/idempotency.service';
import { FIELD_CIPHER } from '../crypto/crypto.module';
import { RegistrationService } from '../registration/registration.service';
import { CitizenActionsService } from '../self-service/citizen-actions.service';
import { OnlineSubmissionService } from '../self-service/online-submission.service';
import type { HotlineOrderAnswer, HotlineOrderDto, HotlineSystemCreated, HotlineVisitAnswer, HotlineVisitDto } from './hotline.dto';
import { HOTLINE_CLASS_TABLE, type HotlineClassTable } from './hotline-class-table';
import { orderCategory, PETITION_TYPE_OF_APPEAL } from './hotline-order.mapping';

const keyHash = (apiKey: string): string => createHash('sha256').update(apiKey, 'utf8').digest('hex');

/**
 * 12345 政务服务便民热线 work orders (issue 21). An order is registered as a petition (channel `hotline`, actor the hotline
 * system) at the place's petition bureau, once per system and order number (the platform's IdempotencyService, scope
 * `hotline:<system>`, the order number as the key); the order row is written in the registration's transaction.
 */
@Injectable()
export class HotlineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registration: RegistrationService,
    private readonly submissions: OnlineSubmissionService,
    private readonly categories: CategoryTableService,
    private readonly idempotency: IdempotencyService,
    private readonly actions: CitizenActionsService,
    private readonly emitter: CaseEmitter,
    private readonly clock: Clock,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(HOTLINE_CLASS_TABLE) private readonly classes: HotlineClassTable,
  ) {}

  /** Registers a hotline system: its api key and callback secret are answered once (the key hashed, the secret sealed). */
  async createSystem(name: string, callbackUrl: string, createdBy: string): Promise<HotlineSystemCreated> {
    const id = uuidv7();
    const apiKey = randomBytes(24).toString('base64url');
    const callbackSecret = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO hotline_systems (id, name, key_hash, callback_url, callback_secret_enc, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, name, keyHash(apiKey), callbackUrl, this.cipher.encrypt(callbackSecret), this.clock.now(), createdBy],
    );
    return { id, apiKey, callbackSecret };
  }

  /** 派单: registers the order (or answers its case again for the same order number and body; 409 for another body). */
  async receive(order: HotlineOrderDto, apiKey: string | null): Promise<HotlineOrderAnswer> {
    const systemId = await this.system(apiKey);
    const placeCode = order.place.divisionCode.padEnd(12, '0');
    const bureau = await this.submissions.receivingBureau({ placeCode });
    const registered = await this.registration
      .register(
        {
          channel: 'hotline',
          receivedAt: this.clock.now(),
          type: PETITION_TYPE_OF_APPEAL[order.appealType],
          category: orderCategory(order, await this.categories.list(), this.classes),
          placeCode,
          ...(order.place.address ? { placeText: order.place.address } : {}),
          subject: order.title,
          content: `${order.content}${order.place.address ? `\n\n地点：${order.place.address}` : ''}\n\n（12345工单 ${order.orderNo}）`,
          petitioner: { name: order.caller.name, phone: order.caller.phone },
          form: { kind: 'individual' },
        },
        { unitId: bureau.id, actor: { kind: 'system', id: `hotline:${systemId}` }, registeredBy: `hotline:${systemId}` },
        { scope: `hotline:${systemId}`, key: order.orderNo, body: order },
        (m, r) => this.recordOrder(m, r.caseId, systemId, order),
      )
      .catch((error: unknown) => {
        if (error instanceof DomainException && error.code === 'IDEMPOTENCY_KEY_REUSED') throw this.orderConflict(order.orderNo);
        throw error;
      });
    return { orderNo: order.orderNo, caseNumber: registered.caseNumber, receivingUnit: bureau };
  }

  /**
   * 回访: the citizen's satisfaction from the hotline's return call becomes the case's rating by the one rating rule
   * (`CitizenActionsService.systemRate`: `staff-callback` entered by `hotline:<system>`, the rating window, the rated
   * unit, once per stage and subject, the petitioner's own rating may still replace it). Once per order and `visitId`
   * (IdempotencyService, scope `hotline-visit:<system>`): a retry answers the same rating, another body 409
   * HOTLINE_VISIT_CONFLICT. 404 HOTLINE_ORDER_UNKNOWN for an order this system never sent; a case not yet answered
   * is 409 REPLY_NOT_SERVED, a stage already rated 409 ALREADY_RATED, a window run out 422 WINDOW_EXPIRED.
   */
  async visit(orderNo: string, visit: HotlineVisitDto, apiKey: string | null): Promise<HotlineVisitAnswer> {
    const systemId = await this.system(apiKey);
    const answer = await this.idempotency
      .once({ scope: `hotline-visit:${systemId}`, key: `${orderNo}/${visit.visitId}`, body: visit }, async (m) => {
        const [order] = await m.query<Array<{ case_id: string }>>(
          `SELECT case_id FROM hotline_orders WHERE system_id = $1 AND order_no = $2`,
          [systemId, orderNo],
        );
        if (!order) throw orderUnknown(orderNo);
        const rated = await this.actions.systemRate(
          m,
          order.case_id,
          { ...(visit.stage ? { stage: visit.stage } : {}), subject: visit.subject, score: visit.score },
          `hotline:${systemId}`,
          new Date(visit.calledAt),
        );
        return {
          orderNo,
          visitId: visit.visitId,
          caseNumber: rated.caseNumber,
          stage: rated.stage,
          subject: rated.subject,
          unitId: rated.unitId,
          score: rated.score,
          calledAt: new Date(visit.calledAt).toISOString(),
        };
      })
      .catch((error: unknown) => {
        if (error instanceof DomainException && error.code === 'IDEMPOTENCY_KEY_REUSED') throw visitConflict(orderNo, visit.visitId);
        throw error;
      });
    this.emitter.poke();
    return answer;
  }

  private async recordOrder(m: EntityManager, caseId: string, systemId: string, order: HotlineOrderDto): Promise<void> {
    await m.query(
      `INSERT INTO hotline_orders (case_id, system_id, order_no, class_code, class_name, deadline, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [caseId, systemId, order.orderNo, order.classCode ?? null, order.className ?? null, order.deadline ?? null, this.clock.now()],
    );
  }

  /** The hotline system of this `X-Api-Key`, else 401. */
  private async system(apiKey: string | null): Promise<string> {
    const [row] = apiKey
      ? await this.dataSource.query<Array<{ id: string }>>(`SELECT id FROM hotline_systems WHERE key_hash = $1 AND disabled_at IS NULL`, [
          keyHash(apiKey),
        ])
      : [];
    if (!row)
      throw new DomainException('HOTLINE_API_KEY_INVALID', 'unauthenticated', {
        zh: 'X-Api-Key 缺失或无效',
        en: 'missing or invalid X-Api-Key',
      });
    return row.id;
  }

  private orderConflict(orderNo: string): DomainException {
    return new DomainException('HOTLINE_ORDER_CONFLICT', 'conflict', {
      zh: `工单 ${orderNo} 已登记，本次内容与已登记的不同；改派或补充请使用新的工单编号`,
      en: `order ${orderNo} is registered with other content: a changed order needs a new order number`,
    });
  }
}

function orderUnknown(orderNo: string): DomainException {
  return new DomainException('HOTLINE_ORDER_UNKNOWN', 'not-found', {
    zh: `本系统未派发过工单 ${orderNo}`,
    en: `this hotline system dispatched no order ${orderNo}`,
  });
}

function visitConflict(orderNo: string, visitId: string): DomainException {
  return new DomainException('HOTLINE_VISIT_CONFLICT', 'conflict', {
    zh: `工单 ${orderNo} 的回访 ${visitId} 已录入，本次内容与已录入的不同；新的回访请使用新的回访编号`,
    en: `visit ${visitId} of order ${orderNo} is recorded with other content: a new visit needs a new visit id`,
  });
}
