import { Get, Optional, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { z } from 'zod';

import type { StaffPrincipal } from '../auth/staff-claims';
import { CaseReplicaStore } from '../case-replica/case-replica.store';
import { CaseVisibility } from '../case-replica/case-visibility.service';
import { DomainException } from '../errors/domain.exception';
import { CityLevel } from '../http/city-level.decorator';
import { Roles } from '../http/roles.decorator';
import { Staff } from '../http/staff.decorator';
import { StaffController } from '../http/staff-controller.decorator';
import { ZodBody } from '../http/zod-body.decorator';
import { ZodQuery } from '../http/zod-query.decorator';
import { ZodResponse } from '../http/zod-response.decorator';
import { PlatformCollectors } from '../metrics/platform-collectors';
import {
  consumerLagSchema,
  consumerStatsSchema,
  deadLetterListSchema,
  parkedKeysSchema,
  resolveResultSchema,
} from './dead-letter.response';
import { messageSubject, PAYLOAD_REDACTED } from './dead-letter-payload';
import { EventServerRegistry } from './event-server.registry';
import type { DeadLetterActor, ParkingLot } from './parking-lot';

const listSchema = z.object({ status: z.enum(['parked', 'replayed', 'discarded']).optional() });
/** Why an operator replays or discards a dead letter: required, recorded with who did it (issue 17). */
export const deadLetterActionSchema = z.object({ reason: z.string().trim().min(2).max(500) });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = new DomainException('DEAD_LETTER_NOT_FOUND', 'not-found', { zh: '死信不存在', en: 'no such dead letter' });

/**
 * Ops: list, show, replay and discard dead letters; see parked keys, consumer counters and the lag per partition. Ops is a platform role bound
 * to a real operator: role `ops` of a unit the service's directory knows at level `city` (403 OPS_ONLY, 403
 * CITY_LEVEL_REQUIRED). A replay or discard names its reason and is recorded with who asked (dead_letter_actions). A
 * message about a case shows its payload only to a caller with full access to that case by the service's case replica
 * (the discipline chain for an accusation); everyone else reads the envelope's metadata.
 */
@Roles({ code: 'OPS_ONLY' }, 'ops')
@CityLevel({ zh: '消息死信', en: 'dead letters' })
@StaffController('ops/messaging', 'ops')
export class DeadLetterController {
  constructor(
    private readonly registry: EventServerRegistry,
    @Optional() private readonly cases?: CaseReplicaStore,
    @Optional() private readonly visibility?: CaseVisibility,
    @Optional() private readonly dataSource?: DataSource,
    @Optional() private readonly collectors?: PlatformCollectors,
  ) {}

  @Get('stats')
  @ApiOperation({ summary: '消费者计数 The consumer’s counters' })
  @ZodResponse(consumerStatsSchema)
  stats() {
    this.lot();
    return { group: this.registry.server?.groupId, ...this.registry.server?.metrics };
  }

  @Get('lag')
  @ApiOperation({ summary: '消费延迟（按主题、分区） The consumer group’s lag per topic and partition, as /metrics reads it' })
  @ZodResponse(consumerLagSchema)
  async lag() {
    const group = this.lot() && this.registry.server?.groupId;
    const partitions = group ? await this.collectors?.consumerLag(group) : undefined;
    if (!group || !partitions) {
      throw new DomainException(
        'LAG_UNAVAILABLE',
        'unavailable',
        { zh: '暂时无法从 Kafka 读取消费延迟，请稍后再试', en: 'the consumer lag cannot be read from Kafka now' },
        { retryAfterSeconds: 10 },
      );
    }
    return { group, total: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
  }

  @Get('dead-letters')
  @ApiOperation({ summary: '死信列表（不含消息内容） Dead letters, without their messages' })
  @ZodResponse(deadLetterListSchema)
  list(@ZodQuery(listSchema) q: z.infer<typeof listSchema>) {
    return this.lot().list(q.status);
  }

  @Get('parked')
  @ApiOperation({ summary: '等待中的消息键 Keys waiting behind a dead letter' })
  @ZodResponse(parkedKeysSchema)
  parked() {
    return this.lot().parkedKeys();
  }

  @Get('dead-letters/:id')
  @ApiOperation({ summary: '一条死信：元数据、错误、处理记录；消息内容仅向有权完整查阅该事项者显示 One dead letter' })
  async show(@Param('id', ParseUUIDPipe) id: string, @Staff() staff: StaffPrincipal) {
    const lot = this.lot();
    const dl = await lot.show(id);
    if (!dl) throw NOT_FOUND;
    const subject = messageSubject(dl.topic, dl.key, dl.value);
    const shown = !subject.caseBound || (subject.caseId !== null && (await this.seesFully(staff, subject.caseId)));
    return {
      ...dl,
      value: shown ? dl.value : null,
      envelope: subject.envelope,
      payload: shown ? ('shown' as const) : ('redacted' as const),
      ...(shown ? {} : { redaction: PAYLOAD_REDACTED }),
      actions: await lot.actions(id),
    };
  }

  @Post('dead-letters/:id/replay')
  @ApiOperation({ summary: '重放死信（须说明理由，记录操作人） Replay after the fix, with a reason' })
  @ZodResponse(resolveResultSchema, { status: 201 })
  async replay(
    @Param('id', ParseUUIDPipe) id: string,
    @ZodBody(deadLetterActionSchema) body: z.infer<typeof deadLetterActionSchema>,
    @Staff() staff: StaffPrincipal,
  ) {
    const lot = await this.parkedIn(id);
    return lot.replay(id, actor(staff, body.reason));
  }

  @Post('dead-letters/:id/discard')
  @ApiOperation({ summary: '丢弃死信（须说明理由，记录操作人） Discard for good, with a reason' })
  @ZodResponse(resolveResultSchema, { status: 201 })
  async discard(
    @Param('id', ParseUUIDPipe) id: string,
    @ZodBody(deadLetterActionSchema) body: z.infer<typeof deadLetterActionSchema>,
    @Staff() staff: StaffPrincipal,
  ) {
    const lot = await this.parkedIn(id);
    return lot.discard(id, actor(staff, body.reason));
  }

  /** Whether the caller fully sees the case by the service's case replica (a service without one: no one does). */
  private async seesFully(staff: StaffPrincipal, caseId: string): Promise<boolean> {
    if (!this.cases || !this.visibility || !this.dataSource || !UUID.test(caseId)) return false;
    const found = await this.cases.read(this.dataSource.manager, caseId);
    return found !== null && (await this.visibility.access(staff, found.facts)) === 'full';
  }

  /** 404 for a dead letter that does not exist, 409 for one already replayed or discarded: never the lot's own error. */
  private async parkedIn(id: string): Promise<ParkingLot> {
    const lot = this.lot();
    const dl = await lot.show(id);
    if (!dl) throw NOT_FOUND;
    if (dl.status !== 'parked') {
      throw new DomainException(
        'DEAD_LETTER_NOT_PARKED',
        'conflict',
        {
          zh: `该死信已处理（${dl.status === 'replayed' ? '已重放' : '已丢弃'}），不能再次重放或丢弃`,
          en: `the dead letter was already ${dl.status}`,
        },
        { status: dl.status },
      );
    }
    return lot;
  }

  private lot(): ParkingLot {
    const server = this.registry.server;
    if (!server) throw new DomainException('NO_CONSUMER', 'not-found', { zh: '本服务没有消费者', en: 'this service has no consumer' });
    return server.parkingLot;
  }
}

function actor(staff: StaffPrincipal, reason: string): DeadLetterActor {
  return { subject: staff.subject, unitId: staff.unitId, reason };
}
