import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodResponse } from '@sunshine/platform';

import { CategorySuggester, type Suggestion } from './category-suggester.service';
import { type SuggestionRequestDto, suggestionRequestSchema } from './suggestion.dto';
import { suggestionResponseSchema } from './suggestion.response';

@StaffController('suggestions', 'suggestions 智能分类')
export class SuggestionsController {
  constructor(private readonly suggester: CategorySuggester) {}

  @StaffRoute('POST', '', {
    status: 200,
    summary:
      '智能分类 Suggest the category (top three with scores) from the petition text, and the unit the routing rules in force would choose at the place (staff; reveals no case)',
  })
  @ZodResponse(suggestionResponseSchema)
  suggest(@ZodBody(suggestionRequestSchema) dto: SuggestionRequestDto, @Staff() staff: StaffPrincipal): Promise<Suggestion> {
    return this.suggester.suggest(dto, staff);
  }
}
