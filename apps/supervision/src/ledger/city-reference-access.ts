import { DomainException, type DirectoryReplicaService, type StaffPrincipal, type StaffRole } from '@sunshine/platform';
import { requireRole } from '../shared/staff';

/**
 * City-wide reference data (the holiday calendar, deadline policies) belongs to city-level roles (DESIGN §3): the
 * caller must hold one of `roles` AND belong to a unit the directory places at level `city`. The token's own claims
 * are not enough: a county's ops token carries role `ops` too.
 */
export async function requireCityRole(
  directory: DirectoryReplicaService,
  staff: StaffPrincipal | undefined,
  roles: readonly StaffRole[],
  what: { readonly zh: string; readonly en: string },
): Promise<StaffPrincipal> {
  const s = requireRole(staff, roles);
  const unit = await directory.unit(s.unitId);
  if (unit?.level !== 'city') {
    throw new DomainException('CITY_LEVEL_REQUIRED', 'forbidden', {
      zh: `${what.zh}只能由市级单位的${roles.join('、')}人员操作：本单位（${s.unitId}）不是市级单位`,
      en: `${what.en} may only be changed by ${roles.join(' or ')} staff of a city-level unit; ${s.unitId} is not one`,
    });
  }
  return s;
}
