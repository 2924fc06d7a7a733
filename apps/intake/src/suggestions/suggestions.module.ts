import { Module } from '@nestjs/common';
import { CategorySuggester } from './category-suggester.service';
import { SuggestionsController } from './suggestions.controller';

@Module({ controllers: [SuggestionsController], providers: [CategorySuggester] })
export class SuggestionsModule {}
