import { Module } from '@nestjs/common';
import { ServiceModule, standardReplicas } from '@sunshine/platform';

import { CategoriesModule } from './categories/categories.module';
import { IntakeCoreModule } from './core/core.module';
import { CryptoModule } from './crypto/crypto.module';
import { DeliveryModule } from './delivery/delivery.module';
import { DivisionsModule } from './divisions/divisions.module';
import { DossierModule } from './dossier/dossier.module';
import { HotlineModule } from './hotline/hotline.module';
import { IdentityModule } from './identity/identity.module';
import type { IntakeConfig } from './intake-config';
import { IntakeInitial1763800000000 } from './migrations/1763800000000-intake-initial';
import { IntakeDossierSelfService1763830000000 } from './migrations/1763830000000-intake-dossier-self-service';
import { IntakeCaseReplica1764610000000 } from './migrations/1764610000000-intake-case-replica';
import { IntakeTrust1764800000000 } from './migrations/1764800000000-intake-trust';
import { IntakeRepeatReports1764900000000 } from './migrations/1764900000000-intake-repeat-reports';
import { IntakeAsGiven1765000000000 } from './migrations/1765000000000-intake-as-given';
import { IntakeRepeatKeys1765000000001 } from './migrations/1765000000001-intake-repeat-keys';
import { IntakeTextBands1765200000000 } from './migrations/1765200000000-intake-text-bands';
import { IntakeOpen3111765300000000 } from './migrations/1765300000000-intake-open311';
import { IntakeReceivedIndex1765400000000 } from './migrations/1765400000000-intake-received-index';
import { IntakeHotline1765500000000 } from './migrations/1765500000000-intake-hotline';
import { IntakeHotlineParking1765500000001 } from './migrations/1765500000001-intake-hotline-parking';
import { IntakePiiRetention1796240000000 } from './migrations/1796240000000-intake-pii-retention';
import { IntakePersonalDataRequests1796250000000 } from './migrations/1796250000000-intake-personal-data-requests';
import { IntakeUpstreamDeliveries1796330000000 } from './migrations/1796330000000-intake-upstream-deliveries';
import { IntakeUpstreamReconciliations1796330000001 } from './migrations/1796330000001-intake-upstream-reconciliations';
import { IntakeIdempotencyCase1796340000000 } from './migrations/1796340000000-intake-idempotency-case';
import { IntakeDossierDeferred1796350000000 } from './migrations/1796350000000-intake-dossier-deferred';
import { Open311Module } from './open311/open311.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ReceptionModule } from './reception/reception.module';
import { RecoveryModule } from './recovery/recovery.module';
import { RegistrationModule } from './registration/registration.module';
import { SelfServiceModule } from './self-service/self-service.module';
import { SuggestionsModule } from './suggestions/suggestions.module';
import { UpstreamModule } from './upstream/upstream.module';

/** The intake service: 信访登记 — registrations, the dossier, case numbers and query codes, citizen self-service. */
@Module({})
export class AppModule extends ServiceModule((_config, intake: IntakeConfig) => ({
  database: {
    replicas: standardReplicas(),
    migrations: [
      IntakeInitial1763800000000,
      IntakeDossierSelfService1763830000000,
      IntakeCaseReplica1764610000000,
      IntakeTrust1764800000000,
      IntakeRepeatReports1764900000000,
      IntakeAsGiven1765000000000,
      IntakeRepeatKeys1765000000001,
      IntakeTextBands1765200000000,
      IntakeOpen3111765300000000,
      IntakeReceivedIndex1765400000000,
      IntakeHotline1765500000000,
      IntakeHotlineParking1765500000001,
      IntakePiiRetention1796240000000,
      IntakePersonalDataRequests1796250000000,
      IntakeUpstreamDeliveries1796330000000,
      IntakeUpstreamReconciliations1796330000001,
      IntakeIdempotencyCase1796340000000,
      IntakeDossierDeferred1796350000000,
    ],
  },
  imports: [
    CryptoModule.forRoot(intake),
    IntakeCoreModule,
    CategoriesModule,
    RegistrationModule,
    ReceptionModule,
    PrivacyModule,
    DossierModule,
    SelfServiceModule,
    RecoveryModule,
    IdentityModule,
    SuggestionsModule,
    DeliveryModule,
    Open311Module,
    HotlineModule,
    UpstreamModule,
    DivisionsModule,
  ],
})) {}
