import type { OrgDirectory } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';

/**
 * The organisation directory as a service reads it (visibility, jurisdictions, routing): the directory replica in every
 * service, routing's own org table in routing. Bind it once per service; everything else injects this.
 */
export abstract class OrgDirectorySource {
  abstract current(m?: EntityManager): Promise<OrgDirectory>;
}
