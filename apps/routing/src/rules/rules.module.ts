import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { RulesController } from './rules.controller';
import { RulesService } from './rules.service';

/** Routing rules as versioned data, and replay of a candidate over past cases. */
@Module({ imports: [CasesModule], controllers: [RulesController], providers: [RulesService] })
export class RulesModule {}
