import type { CategoryCode, Channel, DivisionCode, PetitionType, UnitId } from '@sunshine/contracts';

/** What routing needs to know about a petition: facts from `petition.registered`, never its text. */
export interface PetitionFacts {
  type: PetitionType;
  category: CategoryCode;
  /** Where the matter happened (事发地). */
  placeCode: DivisionCode;
  /** For accusations (检举控告): the accused unit. */
  accusedUnitId?: UnitId;
  /** The unit that received the petition (the bureau that registered it, or the office visited). */
  receivingUnitId: UnitId;
  channel: Channel;
}
