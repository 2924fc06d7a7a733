import { Module } from '@nestjs/common';

import { KpisModule } from '../kpis/kpis.module';
import { RankingService } from './ranking.service';
import { RankingsController } from './rankings.controller';
import { ScoringSchemeStore } from './scoring-scheme.store';

/** Scoring schemes as data, rankings with red and black lists. */
@Module({
  imports: [KpisModule],
  controllers: [RankingsController],
  providers: [ScoringSchemeStore, RankingService],
  exports: [ScoringSchemeStore, RankingService],
})
export class RankingsModule {}
