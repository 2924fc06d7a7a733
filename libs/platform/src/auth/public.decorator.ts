import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'sunshine:public';

/** Marks an endpoint as public (health probes, citizen self-service). Everything else needs a staff token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
