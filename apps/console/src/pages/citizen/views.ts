import type { Answer } from '../../api/answer';
import type { paths as IntakePaths } from '../../api/generated/intake';

// What the portal reads from intake's /public/* answers: the progress is the generated type of its documented answer;
// the submission and the receptions are not documented yet, so their interfaces name the fields the portal shows
// (intake's Submitted, ReceptionView).

/** POST /public/petitions */
export interface Submitted {
  readonly caseNumber: string;
  readonly queryCode: string;
  readonly receivingUnit: { readonly id: string; readonly name: string };
  readonly identity: { readonly status: 'unverified'; readonly note: { readonly zh: string; readonly en: string } };
}

/** POST /public/cases/progress (查询办理进度): the generated type of intake's documented answer. */
export type Progress = Answer<IntakePaths, '/public/cases/progress', 'post'>;
export type CitizenClock = Progress['deadlines'][number];

/** GET /public/receptions */
export interface Reception {
  readonly id: string;
  readonly unitId: string;
  readonly unitName: string | null;
  readonly leaderName: string;
  readonly leaderTitle: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place: string;
  readonly capacity: number;
  readonly booked: number;
}
