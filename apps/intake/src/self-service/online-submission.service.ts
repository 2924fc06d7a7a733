import { Injectable } from '@nestjs/common';
import { Clock, OrgDirectorySource } from '@sunshine/platform';

import { CategoryTableService } from '../categories/category-table.service';
import type { IdempotentRequest } from '../core/idempotency.service';
import { unprocessableField } from '../core/intake-errors';
import { RegistrationService, type WithinRegistration } from '../registration/registration.service';
import type { SubmitOnlineDto } from './citizen.dto';

const BUREAU = 'petition-bureau';

/** How another channel (Open311, a 12345 work order) submits through this one online path. */
export interface SubmissionOptions {
  readonly idempotent?: IdempotentRequest | null;
  readonly within?: WithinRegistration;
}

export interface Submitted {
  readonly caseNumber: string;
  readonly queryCode: string;
  readonly receivingUnit: { readonly id: string; readonly name: string };
  /** Online identity is unverified: the same answer whether or not the ID number given is on file. */
  readonly identity: { readonly status: 'unverified'; readonly note: { readonly zh: string; readonly en: string } };
}

const UNVERIFIED = {
  status: 'unverified',
  note: {
    zh: '网上提交的身份尚未核验：如需与您以往的信访事项关联，可申请向登记在案的手机发送验证码，或由信访工作人员核验',
    en: 'an online identity is unverified: to link this petition to your earlier ones, ask for a code sent to the phone on file, or have staff verify you',
  },
} as const;

/**
 * 网上信访: a citizen's own submission, registered like any other at the petition bureau it is addressed to, once per
 * Idempotency-Key (scope `public`). Its petitioner is a record of its own, unverified, whatever ID number was typed.
 */
@Injectable()
export class OnlineSubmissionService {
  constructor(
    private readonly registration: RegistrationService,
    private readonly directory: OrgDirectorySource,
    private readonly categories: CategoryTableService,
    private readonly clock: Clock,
  ) {}

  /**
   * `idempotencyKey`: a citizen's header (scope `public`, the form as the body); another channel passes its own scope,
   * key and body (`options.idempotent`) and what it keeps of the case (`options.within`, in the same transaction).
   */
  async submit(dto: SubmitOnlineDto, idempotencyKey: string | null = null, options: SubmissionOptions = {}): Promise<Submitted> {
    // The online form chooses from the code table (GET /categories); staff register a matter no code names.
    this.categories.assertKnown(dto.category, 'category');
    const bureau = await this.receivingBureau(dto);
    const registered = await this.registration.register(
      { ...dto, receivedAt: this.clock.now() },
      { unitId: bureau.id, actor: { kind: 'citizen', id: `online:${dto.channel}` }, registeredBy: `citizen:${dto.channel}` },
      options.idempotent ?? (idempotencyKey === null ? null : { scope: 'public', key: idempotencyKey, body: dto }),
      options.within,
    );
    return { caseNumber: registered.caseNumber, queryCode: registered.queryCode, receivingUnit: bureau, identity: UNVERIFIED };
  }

  /** The bureau addressed, or the lowest petition bureau whose territory contains the place. */
  async receivingBureau(dto: Pick<SubmitOnlineDto, 'placeCode' | 'receivingUnitId'>): Promise<{ id: string; name: string }> {
    const directory = await this.directory.current();
    if (dto.receivingUnitId) {
      const unit = directory.get(dto.receivingUnitId);
      if (unit?.kind !== BUREAU) {
        throw unprocessableField('NOT_A_BUREAU', 'receivingUnitId', '请选择信访工作机构', 'address a petition bureau');
      }
      return { id: unit.id, name: unit.name };
    }
    for (const code of directory.placeChain(dto.placeCode).reverse()) {
      const bureau = directory.find(code, BUREAU);
      if (bureau) return { id: bureau.id, name: bureau.name };
    }
    throw unprocessableField(
      'UNKNOWN_DIVISION',
      'placeCode',
      '区划代码不在组织目录中',
      `division ${dto.placeCode} is not in the directory`,
    );
  }
}
