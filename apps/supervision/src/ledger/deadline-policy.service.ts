import { Injectable } from '@nestjs/common';
import { type ClockOverride, divisionContains } from '@sunshine/domain';
import { DomainException, ReferenceDataService, type StaffPrincipal } from '@sunshine/platform';

import { CityReferencePublisher } from './city-reference.publisher';

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
    private readonly publisher: CityReferencePublisher,
    private readonly reference: ReferenceDataService,
  ) {}

  async put(
    id: string,
    policy: { jurisdiction: string; clocks: ClockOverride[] },
    staff: StaffPrincipal,
  ): Promise<{ id: string; revision: number }> {
    if (!divisionContains(await this.publisher.territoryOf(staff), policy.jurisdiction)) {
      throw new DomainException('OUTSIDE_JURISDICTION', 'forbidden', {
        zh: `期限规则的适用区域 ${policy.jurisdiction} 不在本单位辖区内`,
        en: `the policy's jurisdiction ${policy.jurisdiction} lies outside the caller's territory`,
      });
    }
    const content = { id, jurisdiction: policy.jurisdiction, clocks: policy.clocks };
    return { id, revision: await this.publisher.publish('deadline-policy', content, staff, policy.jurisdiction) };
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
