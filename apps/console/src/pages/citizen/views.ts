import type { Answer } from '../../api/answer';
import type { paths as IntakePaths } from '../../api/generated/intake';

// What the portal reads from intake's /public/* answers: the generated types of the success bodies intake documents
// (@ZodResponse → docs/openapi → src/api/generated, see ../../api/answer.ts).

/** POST /public/petitions (网上信访): the case number, the query code, the bureau that registered it. */
export type Submitted = Answer<IntakePaths, '/public/petitions', 'post'>;

/** POST /public/cases/progress (查询办理进度): the generated type of intake's documented answer. */
export type Progress = Answer<IntakePaths, '/public/cases/progress', 'post'>;
export type CitizenClock = Progress['deadlines'][number];

/** GET /public/receptions (one leader reception, 领导接待日). */
export type Reception = Answer<IntakePaths, '/public/receptions', 'get'>[number];

/** POST /public/receptions/{receptionId}/appointments: the appointment number and the reception as it now stands. */
export type Booked = Answer<IntakePaths, '/public/receptions/{receptionId}/appointments', 'post'>;
