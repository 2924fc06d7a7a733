import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { divisionLineage } from '@sunshine/domain';
import {
  Clock,
  DomainException,
  OrgDirectorySource,
  OutboxRelay,
  type ReferenceContent,
  ReferenceDataPublisher,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource } from 'typeorm';

/** The city-wide reference data supervision owns. */
export type CityReferenceKind = 'calendar-year' | 'deadline-policy';

/**
 * Publishes what a city-level user loads (a year's holiday arrangement, a deadline policy) as the item's full snapshot on
 * the reference-data topic, in its own transaction, then wakes the relay. Who may load it is the route's business
 * (@Roles + @CityLevel, checked by the global guard against the directory); the event names the caller as actor and the
 * caller's unit, as the directory places it, as its unit jurisdiction.
 */
@Injectable()
export class CityReferencePublisher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: OrgDirectorySource,
    private readonly publisher: ReferenceDataPublisher,
    private readonly clock: Clock,
    private readonly relay: OutboxRelay,
  ) {}

  /** The division of the caller's unit as the directory knows it (the token's own claim is not trusted for it). */
  async territoryOf(staff: StaffPrincipal): Promise<string> {
    const unit = (await this.directory.current()).get(staff.unitId);
    if (!unit) {
      throw new DomainException('UNIT_UNKNOWN', 'forbidden', {
        zh: `本单位（${staff.unitId}）不在组织机构目录中`,
        en: `the caller's unit ${staff.unitId} is not in the directory`,
      });
    }
    return unit.divisionCode;
  }

  /** Publishes the snapshot; `place`: the division it applies in (none for the nation's calendar). Returns its revision. */
  async publish<K extends CityReferenceKind>(
    kind: K,
    content: ReferenceContent<K>,
    staff: StaffPrincipal,
    place?: string,
  ): Promise<number> {
    const territory = await this.territoryOf(staff);
    const publication = await this.dataSource.transaction((m) =>
      this.publisher.publish(m, kind, content, {
        actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId },
        jurisdiction: { place: place ? divisionLineage(place).slice(1) : [], unit: divisionLineage(territory).slice(1) },
        occurredAt: this.clock.now(),
      }),
    );
    this.relay.poke();
    return publication.revision;
  }
}
