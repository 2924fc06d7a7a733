import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { divisionContains, divisionLineage, type ClockOverride } from '@sunshine/domain';
import {
  Clock,
  DirectoryReplicaService,
  DomainException,
  OutboxRelay,
  ReferenceDataPublisher,
  ReferenceDataService,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { requireCityRole } from './city-reference-access';

export interface DeadlinePolicyView {
  readonly id: string;
  readonly jurisdiction: string | null;
  readonly clocks: readonly ClockOverride[];
  readonly revision: number;
  readonly publishedBy: string | null;
  readonly publishedAt: string | null;
}

/**
 * A jurisdiction's deadline policy (its clocks as data, e.g. 12345-hotline clocks or a shorter acceptance period):
 * loaded by the city's admin or ops staff, published as `reference.deadline-policy`, counted with by every service.
 */
@Injectable()
export class DeadlinePolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryReplicaService,
    private readonly publisher: ReferenceDataPublisher,
    private readonly reference: ReferenceDataService,
    private readonly clock: Clock,
    private readonly relay: OutboxRelay,
  ) {}

  async put(
    id: string,
    policy: { jurisdiction: string; clocks: ClockOverride[] },
    staff: StaffPrincipal | undefined,
  ): Promise<{ id: string; revision: number }> {
    const by = await requireCityRole(this.directory, staff, ['admin', 'ops'], { zh: '期限规则', en: 'deadline policies' });
    const unit = await this.directory.unit(by.unitId);
    if (!unit || !divisionContains(unit.divisionCode, policy.jurisdiction)) {
      throw new DomainException('OUTSIDE_JURISDICTION', 'forbidden', {
        zh: `期限规则的适用区域 ${policy.jurisdiction} 不在本单位辖区内`,
        en: `the policy's jurisdiction ${policy.jurisdiction} lies outside the caller's territory`,
      });
    }
    const publication = await this.dataSource.transaction((m) =>
      this.publisher.publish(
        m,
        'deadline-policy',
        { id, jurisdiction: policy.jurisdiction, clocks: policy.clocks },
        {
          actor: { kind: 'staff', id: by.subject, unitId: by.unitId },
          jurisdiction: { place: divisionLineage(policy.jurisdiction).slice(1), unit: divisionLineage(unit.divisionCode).slice(1) },
          occurredAt: this.clock.now(),
        },
      ),
    );
    this.relay.poke();
    return { id, revision: publication.revision };
  }

  list(): DeadlinePolicyView[] {
    return this.reference.items('deadline-policy').map((i) => ({
      id: i.id,
      jurisdiction: i.value.jurisdiction,
      clocks: i.value.clocks,
      revision: i.revision,
      publishedBy: i.publishedBy,
      publishedAt: i.publishedAt,
    }));
  }
}
