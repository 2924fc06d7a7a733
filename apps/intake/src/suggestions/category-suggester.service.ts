import { Inject, Injectable } from '@nestjs/common';
import type { CategoryCode, UnitId } from '@sunshine/contracts';
import { categoryForClass, classifyText, type LinearTextModel, routePetition } from '@sunshine/domain';
import { OrgDirectorySource, ReferenceDataService, type StaffPrincipal } from '@sunshine/platform';

import { CATEGORY_MODEL } from './category-model.provider';
import type { SuggestionRequestDto } from './suggestion.dto';

export interface SuggestedCategory {
  /** The model's class (one of the seven first-level classes it was trained on). */
  readonly label1: string;
  readonly score: number;
  /** The platform category the class maps to (docs/smart-dispatch.md), with its label from the category table. */
  readonly category: { readonly code: CategoryCode; readonly zh: string };
}

export type SuggestedUnit =
  | {
      readonly manual: false;
      readonly unitId: UnitId;
      readonly name: string;
      readonly mode: 'forward' | 'assign';
      readonly reasons: readonly string[];
    }
  | { readonly manual: true; readonly reasons: readonly string[] };

export interface Suggestion {
  readonly model: string;
  /** False when the text holds too little Chinese to read: every score is 0 and the clerk chooses. */
  readonly readable: boolean;
  readonly suggested: SuggestedCategory;
  readonly top3: readonly SuggestedCategory[];
  /** The unit the routing rules in force would choose for the suggested category at `placeCode` (absent without one). */
  readonly unit?: SuggestedUnit;
  readonly note?: string;
}

/**
 * 智能分类: suggests the category from the petition's text (the committed model, models/category/model.json, loaded
 * once at start) and the unit the routing policy would choose for it (the same `routePetition` routing runs).
 */
@Injectable()
export class CategorySuggester {
  constructor(
    @Inject(CATEGORY_MODEL) private readonly model: LinearTextModel,
    private readonly reference: ReferenceDataService,
    private readonly directory: OrgDirectorySource,
  ) {}

  async suggest(dto: SuggestionRequestDto, staff: StaffPrincipal): Promise<Suggestion> {
    const result = classifyText(this.model, { subject: dto.subject, body: dto.body });
    const table = this.reference.categoryTable();
    const asCategory = (label1: string, score: number): SuggestedCategory => {
      const code = categoryForClass(label1);
      return { label1, score: round(score), category: { code, zh: table.has(code) ? table.label(code) : code } };
    };
    const suggested = asCategory(result.label, result.score);
    const top3 = result.top3.map(([label, score]) => asCategory(label, score));
    const note = result.readable
      ? undefined
      : '文本过少或不是中文，无法判断类别，请人工选择 / too little Chinese text to suggest a category';
    if (!dto.placeCode) return { model: this.model.version, readable: result.readable, suggested, top3, note };
    const directory = await this.directory.current();
    const decision = routePetition({
      facts: {
        type: dto.type,
        category: suggested.category.code,
        placeCode: dto.placeCode,
        receivingUnitId: staff.unitId,
        channel: dto.channel,
      },
      currentUnitId: staff.unitId,
      directory,
      ruleSet: this.reference.activeRuleSet(),
    });
    const unit: SuggestedUnit = decision.manual
      ? { manual: true, reasons: decision.reasons }
      : {
          manual: false,
          unitId: decision.unitId,
          name: directory.require(decision.unitId).name,
          mode: decision.mode,
          reasons: decision.reasons,
        };
    return { model: this.model.version, readable: result.readable, suggested, top3, unit, note };
  }
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
