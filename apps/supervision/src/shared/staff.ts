import { DomainException, type StaffPrincipal, type StaffRole } from '@sunshine/platform';

/** The verified caller, or 401-style refusal when the guard let an anonymous request through. */
export function requireStaff(staff: StaffPrincipal | undefined): StaffPrincipal {
  if (!staff) throw new DomainException('TOKEN_MISSING', 'forbidden', { zh: '需要工作人员令牌', en: 'staff token required' });
  return staff;
}

/** The caller must carry one of `roles`. */
export function requireRole(staff: StaffPrincipal | undefined, roles: readonly StaffRole[]): StaffPrincipal {
  const s = requireStaff(staff);
  if (!s.roles.some((r) => roles.includes(r))) {
    throw new DomainException('ROLE_REQUIRED', 'forbidden', {
      zh: `需要以下角色之一：${roles.join('、')}`,
      en: `one of these roles is required: ${roles.join(', ')}`,
    });
  }
  return s;
}
