import { DomainException, type StaffPrincipal, type StaffRole } from '@sunshine/platform';

const ROLE_LABELS: Record<string, string> = {
  clerk: '收发员', handler: '经办人', head: '单位负责人', dispatcher: '分办员', admin: '管理员', supervisor: '督查员',
};

/** The caller must hold one of the roles (e.g. the head for 审签, a dispatcher at the desk). */
export function requireRole(staff: StaffPrincipal, roles: readonly StaffRole[], code = 'ROLE_REQUIRED'): void {
  if (roles.some((r) => staff.roles.includes(r))) return;
  const zh = roles.map((r) => ROLE_LABELS[r] ?? r).join('或');
  throw new DomainException(code, 'forbidden', { zh: `该操作须由${zh}执行`, en: `requires the role ${roles.join(' or ')}` }, { roles });
}

/** Staff endpoints only: another service's token reads replies and documents, nothing else. */
export function requireStaff(staff: StaffPrincipal | undefined): StaffPrincipal {
  if (!staff) throw new DomainException('TOKEN_MISSING', 'forbidden', { zh: '需要工作人员令牌', en: 'staff token required' });
  if (staff.roles.includes('service')) {
    throw new DomainException('STAFF_ONLY', 'forbidden', { zh: '该接口仅供工作人员使用', en: 'staff only' });
  }
  return staff;
}
