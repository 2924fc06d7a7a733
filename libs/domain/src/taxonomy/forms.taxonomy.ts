import { defineTaxonomy, type Taxon } from './taxonomy';

/** 《信访工作条例》第20条: a group with one demand chooses at most 5 representatives. */
export const MAX_REPRESENTATIVES = 5;
/** Default head count from which a joint petition counts as collective (集体访: 五人以上, configurable). */
export const COLLECTIVE_MIN_HEAD_COUNT = 5;

export const PetitionForms = ['individual', 'collective'] as const;
export type PetitionForm = (typeof PetitionForms)[number];

/** 个人信访 / 集体信访 (集体访). */
export const FormTaxonomy = defineTaxonomy<PetitionForm, Taxon<PetitionForm>>([
  { code: 'individual', zh: '个人信访', en: 'Individual' },
  { code: 'collective', zh: '集体信访', en: 'Collective' },
]);

export type FormInput = { kind: 'individual' } | { kind: 'collective'; headCount: number; representatives: number };

export type FormIssueCode = 'HEAD_COUNT_TOO_SMALL' | 'TOO_MANY_REPRESENTATIVES' | 'REPRESENTATIVES_EXCEED_HEAD_COUNT';

export interface FormIssue {
  readonly code: FormIssueCode;
  readonly zh: string;
  readonly en: string;
}

/**
 * Checks a petition's form against Art 20. Returns the issues (empty when fine); registration still records the
 * petition (有访必录入): the issues are for the clerk, not a reason to refuse the entry.
 */
export function checkForm(form: FormInput, minHeadCount = 2, maxRepresentatives = MAX_REPRESENTATIVES): FormIssue[] {
  if (form.kind === 'individual') return [];
  const issues: FormIssue[] = [];
  if (form.headCount < minHeadCount) {
    issues.push({
      code: 'HEAD_COUNT_TOO_SMALL',
      zh: `集体信访人数应不少于${minHeadCount}人`,
      en: `a collective petition has at least ${minHeadCount} people`,
    });
  }
  if (form.representatives > maxRepresentatives) {
    issues.push({
      code: 'TOO_MANY_REPRESENTATIVES',
      zh: `代表人数不得超过${maxRepresentatives}人（《信访工作条例》第20条）`,
      en: `at most ${maxRepresentatives} representatives (Art 20)`,
    });
  }
  if (form.representatives > form.headCount) {
    issues.push({
      code: 'REPRESENTATIVES_EXCEED_HEAD_COUNT',
      zh: '代表人数不能多于信访人数',
      en: 'more representatives than petitioners',
    });
  }
  return issues;
}
