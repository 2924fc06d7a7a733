import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { ReferenceDuesListener } from './reference-dues.listener';
import { RoutingReferencePublisher } from './routing-reference.publisher';
import { RulesController } from './rules.controller';
import { RulesService } from './rules.service';

/**
 * Routing rules as versioned data, replay of a candidate over past cases, routing's reference data on the topic (the
 * set in force, the category table), and the inbox's due dates recomputed when a holiday year or policy arrives.
 */
@Module({
  imports: [CasesModule],
  controllers: [RulesController],
  providers: [RulesService, RoutingReferencePublisher, ReferenceDuesListener],
})
export class RulesModule {}
