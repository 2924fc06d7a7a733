import { defineTaxonomy, type Taxon } from './taxonomy';

/**
 * 《信访工作条例》(2022) 第20条 (the 2005 《信访条例》's 第18条, same words): 多人采用走访形式提出同一信访事项的，应当推选
 * 代表，代表人数不超过5人. It binds any group that visits together, whatever its size.
 */
export const MAX_REPRESENTATIVES = 5;

/**
 * 集体访 (the form `collective`): five or more people with one matter (五人以上, 以上 counting the number itself). The
 * regulation names no threshold (Art 20 speaks of 多人); the number is the petition offices' statistical practice, and
 * what the form drives — the 集体访 counts, 人次, the supervision alerts on collective visits — is that statistic. Four
 * people or fewer are registered as 个人访 (the one who speaks as the petitioner). The one threshold: intake's check,
 * the console's label, validation and receipt. See docs/intake.md (集体访).
 */
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
 * Checks a petition's form: a collective one has at least COLLECTIVE_MIN_HEAD_COUNT people and at most
 * MAX_REPRESENTATIVES representatives (Art 20), no more representatives than people. Returns the issues (empty when
 * fine); intake answers them as the registration's 400 field reasons, for the clerk to correct the form.
 */
export function checkForm(form: FormInput): FormIssue[] {
  if (form.kind === 'individual') return [];
  const issues: FormIssue[] = [];
  if (form.headCount < COLLECTIVE_MIN_HEAD_COUNT) {
    issues.push({
      code: 'HEAD_COUNT_TOO_SMALL',
      zh: `集体访为${COLLECTIVE_MIN_HEAD_COUNT}人及以上；不足${COLLECTIVE_MIN_HEAD_COUNT}人的请按个人访登记`,
      en: `a collective petition has at least ${COLLECTIVE_MIN_HEAD_COUNT} people; register fewer as individual`,
    });
  }
  if (form.representatives > MAX_REPRESENTATIVES) {
    issues.push({
      code: 'TOO_MANY_REPRESENTATIVES',
      zh: `代表人数不得超过${MAX_REPRESENTATIVES}人（《信访工作条例》第20条）`,
      en: `at most ${MAX_REPRESENTATIVES} representatives (Art 20)`,
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

/** The form in words, as the receipt and the case page state it: 个人访, or 集体访，37 人（代表 5 人）. */
export function formSummary(form: FormInput): string {
  return form.kind === 'collective' ? `集体访，${form.headCount} 人（代表 ${form.representatives} 人）` : '个人访';
}
