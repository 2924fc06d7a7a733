import {
  CaseStatuses,
  Channels,
  ClaimRoutes,
  DispatchModes,
  PetitionTypes,
  ProperChannels,
  RatingScores,
  ReplyOutcomes,
  Stages,
  TerritoryLevels,
} from '@sunshine/contracts';

import { ChannelTaxonomy } from './channels.taxonomy';
import { ClaimRouteTaxonomy } from './claim-routes.taxonomy';
import { DispatchModeTaxonomy } from './dispatch-modes.taxonomy';
import { FormTaxonomy, PetitionForms } from './forms.taxonomy';
import { PetitionTypeTaxonomy } from './petition-types.taxonomy';
import { ProperChannelTaxonomy } from './proper-channels.taxonomy';
import { RatingScoreTaxonomy } from './rating-scores.taxonomy';
import { ReplyOutcomeTaxonomy } from './reply-outcomes.taxonomy';
import { nextStage, StageTaxonomy } from './stages.taxonomy';
import { CaseStatusTaxonomy, isTerminalStatus } from './statuses.taxonomy';
import { defineTaxonomy, type Taxonomy } from './taxonomy';
import { levelAbove, TerritoryLevelTaxonomy } from './territory-levels.taxonomy';

const byContract: [string, Taxonomy, readonly string[]][] = [
  ['channels', ChannelTaxonomy, Channels],
  ['forms', FormTaxonomy, PetitionForms],
  ['petition types', PetitionTypeTaxonomy, PetitionTypes],
  ['claim routes', ClaimRouteTaxonomy, ClaimRoutes],
  ['statuses', CaseStatusTaxonomy, CaseStatuses],
  ['stages', StageTaxonomy, Stages],
  ['dispatch modes', DispatchModeTaxonomy, DispatchModes],
  ['reply outcomes', ReplyOutcomeTaxonomy, ReplyOutcomes],
  ['proper channels', ProperChannelTaxonomy, ProperChannels],
  ['rating scores', RatingScoreTaxonomy, RatingScores],
  ['territory levels', TerritoryLevelTaxonomy, TerritoryLevels],
];

describe('taxonomies', () => {
  it.each(byContract)('labels exactly the contract codes of %s', (_name, taxonomy, codes) => {
    expect([...taxonomy.codes].sort()).toEqual([...codes].sort());
  });

  it.each(byContract)('gives every entry of %s a Chinese and an English label', (_name, taxonomy) => {
    for (const entry of taxonomy.entries) {
      expect(entry.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.en).toMatch(/^[A-Z]/);
    }
  });

  it('falls back to the code for a label it does not know (a newer code still shows)', () => {
    expect(ChannelTaxonomy.label('visit')).toBe('来访');
    expect(ChannelTaxonomy.label('visit', 'en')).toBe('Visit');
    expect(ChannelTaxonomy.label('carrier-pigeon')).toBe('carrier-pigeon');
    expect(ChannelTaxonomy.has('carrier-pigeon')).toBe(false);
  });

  it('refuses a table with a duplicate code', () => {
    expect(() =>
      defineTaxonomy([
        { code: 'a', zh: '甲', en: 'A' },
        { code: 'a', zh: '乙', en: 'B' },
      ]),
    ).toThrow('duplicate');
  });

  it('names the three petition types with their articles (29, 30, 31)', () => {
    expect(PetitionTypeTaxonomy.get('suggestion')).toMatchObject({ zh: '建议意见', article: 29 });
    expect(PetitionTypeTaxonomy.get('accusation')).toMatchObject({ zh: '检举控告', article: 30 });
    expect(PetitionTypeTaxonomy.get('claim')).toMatchObject({ zh: '申诉求决', article: 31 });
  });

  it('gives only the petition route of a claim a review chain (Art 31, 35, 36)', () => {
    expect(ClaimRouteTaxonomy.entries.filter((r) => r.reviewChain).map((r) => r.code)).toEqual(['petition']);
  });

  it('chains the stages original → review → re-review, and no further', () => {
    expect(StageTaxonomy.label('review')).toBe('复查');
    expect(StageTaxonomy.label('re-review')).toBe('复核');
    expect(nextStage('original')).toBe('review');
    expect(nextStage('review')).toBe('re-review');
    expect(nextStage('re-review')).toBeUndefined();
  });

  it('marks closed, finalized and withdrawn as terminal', () => {
    expect(CaseStatuses.filter(isTerminalStatus)).toEqual(['closed', 'finalized', 'withdrawn']);
  });

  it('knows the level above each territory level', () => {
    expect(levelAbove('village')).toBe('township');
    expect(levelAbove('county')).toBe('city');
    expect(levelAbove('province')).toBeUndefined();
  });

  it('labels dispatch modes 转送 and 交办', () => {
    expect(DispatchModeTaxonomy.label('forward')).toBe('转送');
    expect(DispatchModeTaxonomy.label('assign')).toBe('交办');
  });
});
