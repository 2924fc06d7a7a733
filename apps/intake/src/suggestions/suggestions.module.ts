import { Module } from '@nestjs/common';

import { categoryModelProvider } from './category-model.provider';
import { CategorySuggester } from './category-suggester.service';
import { HotTopicsController } from './hot-topics.controller';
import { HotTopicsService } from './hot-topics.service';
import { SuggestionsController } from './suggestions.controller';

@Module({
  controllers: [SuggestionsController, HotTopicsController],
  providers: [categoryModelProvider, CategorySuggester, HotTopicsService],
})
export class SuggestionsModule {}
