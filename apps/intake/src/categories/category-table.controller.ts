import { StaffController, StaffRoute, ZodResponse } from '@sunshine/platform';

import { categoryTableResponseSchema } from './category-table.response';
import { type CategoryEntry, CategoryTableService } from './category-table.service';

/** 问题类别代码表: the codes the registration form offers and the registration validates against (one table). */
@StaffController('categories', 'categories 问题类别')
export class CategoryTableController {
  constructor(private readonly categories: CategoryTableService) {}

  @StaffRoute('GET', '', {
    summary: '问题类别代码表 The category code table: codes, Chinese and English labels, the unit kinds competent for each (staff)',
  })
  @ZodResponse(categoryTableResponseSchema)
  list(): Promise<{ items: CategoryEntry[] }> {
    return this.categories.list().then((items) => ({ items }));
  }
}
