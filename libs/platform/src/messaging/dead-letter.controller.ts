import { ForbiddenException, Get, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { DomainException } from '../errors/domain.exception';
import { StaffController } from '../http/staff-controller.decorator';
import { Roles } from '../http/roles.decorator';
import type { StaffPrincipal } from '../auth/staff-claims';
import { EventServerRegistry } from './event-server.registry';
import type { ParkingLot } from './parking-lot';

/** Ops: list, show, replay and discard dead letters; see parked keys and consumer counters. Role `ops` only. */
@Roles({ code: 'OPS_ONLY' }, 'ops')
@StaffController('ops/messaging', 'ops')
export class DeadLetterController {
  constructor(private readonly registry: EventServerRegistry) {}

  @Get('stats')
  stats(@CurrentStaff() staff?: StaffPrincipal) {
    this.lot(staff);
    return { group: this.registry.server?.groupId, ...this.registry.server?.metrics };
  }

  @Get('dead-letters')
  list(@CurrentStaff() staff?: StaffPrincipal, @Query('status') status?: 'parked' | 'replayed' | 'discarded') {
    return this.lot(staff).list(status);
  }

  @Get('parked')
  parked(@CurrentStaff() staff?: StaffPrincipal) {
    return this.lot(staff).parkedKeys();
  }

  @Get('dead-letters/:id')
  async show(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff?: StaffPrincipal) {
    const dl = await this.lot(staff).show(id);
    if (!dl) throw new NotFoundException({ code: 'DEAD_LETTER_NOT_FOUND', message: { zh: '死信不存在', en: 'no such dead letter' } });
    return dl;
  }

  @Post('dead-letters/:id/replay')
  async replay(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff?: StaffPrincipal) {
    const lot = await this.parkedIn(id, staff);
    return lot.replay(id);
  }

  @Post('dead-letters/:id/discard')
  async discard(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff?: StaffPrincipal) {
    const lot = await this.parkedIn(id, staff);
    return lot.discard(id);
  }

  /** 404 for a dead letter that does not exist, 409 for one already replayed or discarded: never the lot's own error. */
  private async parkedIn(id: string, staff?: StaffPrincipal): Promise<ParkingLot> {
    const lot = this.lot(staff);
    const dl = await lot.show(id);
    if (!dl) throw new DomainException('DEAD_LETTER_NOT_FOUND', 'not-found', { zh: '死信不存在', en: 'no such dead letter' });
    if (dl.status !== 'parked') {
      throw new DomainException(
        'DEAD_LETTER_NOT_PARKED',
        'conflict',
        { zh: `该死信已处理（${dl.status === 'replayed' ? '已重放' : '已丢弃'}），不能再次重放或丢弃`, en: `the dead letter was already ${dl.status}` },
        { status: dl.status },
      );
    }
    return lot;
  }

  private lot(staff?: StaffPrincipal): ParkingLot {
    if (!staff?.roles.includes('ops')) {
      throw new ForbiddenException({ code: 'OPS_ONLY', message: { zh: '仅运维人员可操作', en: 'ops role required' } });
    }
    const server = this.registry.server;
    if (!server) throw new NotFoundException({ code: 'NO_CONSUMER', message: { zh: '本服务没有消费者', en: 'this service has no consumer' } });
    return server.parkingLot;
  }
}
