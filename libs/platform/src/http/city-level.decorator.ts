import { SetMetadata } from '@nestjs/common';

export const CITY_LEVEL = 'sunshine:city-level';

/** What a @CityLevel() route changes, named in its refusal, e.g. `{ zh: '分办规则', en: 'routing rules' }`. */
export interface CityLevelSubject {
  readonly zh: string;
  readonly en: string;
}

/**
 * City-wide configuration belongs to city-level roles (DESIGN §3): besides the route's @Roles(), the caller's unit must
 * be one the service's directory (OrgDirectorySource) places at level `city`. A token's own claims are not enough: a
 * county's admin token carries role `admin` too. The global AuthGuard enforces it after the roles: 403
 * CITY_LEVEL_REQUIRED naming `subject`, the roles and the caller's unit. The service must bind an OrgDirectorySource.
 */
export const CityLevel = (subject: CityLevelSubject): MethodDecorator & ClassDecorator => SetMetadata(CITY_LEVEL, subject);
