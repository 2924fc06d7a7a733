import { Module } from '@nestjs/common';

import { CategoryTableController } from './category-table.controller';
import { CategoryTableService } from './category-table.service';
import { PublicCategoriesController } from './public-categories.controller';

@Module({
  controllers: [CategoryTableController, PublicCategoriesController],
  providers: [CategoryTableService],
  exports: [CategoryTableService],
})
export class CategoriesModule {}
