import type { DirectoryReplicaService } from '@sunshine/platform';
import type { SupervisionConfig } from '../supervision-config';
import { VisibilityService, type ViewerScope } from './visibility.service';

const config = { overseerKinds: ['petition-bureau', 'government'], accusationOverseerKinds: ['petition-bureau', 'discipline'] } as unknown as SupervisionConfig;
const service = new VisibilityService(config, {} as DirectoryReplicaService);

const scope = (unitId: string, divisionCode: string, overseer: boolean, accusationOverseer = false): ViewerScope => ({ unitId, divisionCode, overseer, accusationOverseer });
const dongtunCase = { type: 'claim', heldBy: ['410726000000:dept-hrss'], territoryCodes: ['410700000000', '410726000000', '410726101000'], accusedUnitId: null };

describe('who sees a case of the city view', () => {
  it('shows a township its own territory only, a county its subtree, the city everything', () => {
    expect(service.canSee(scope('410726101000:government', '410726101000', true), dongtunCase)).toBe(true);
    expect(service.canSee(scope('410726102000:government', '410726102000', true), dongtunCase)).toBe(false);
    expect(service.canSee(scope('410726000000:petition-bureau', '410726000000', true), dongtunCase)).toBe(true);
    expect(service.canSee(scope('410700000000:petition-bureau', '410700000000', true), dongtunCase)).toBe(true);
  });

  it('shows a department the cases it holds or held, not its whole county', () => {
    expect(service.canSee(scope('410726000000:dept-hrss', '410726000000', false), dongtunCase)).toBe(true);
    expect(service.canSee(scope('410726000000:dept-housing', '410726000000', false), dongtunCase)).toBe(false);
  });

  it('never shows an accusation to the accused unit, nor to a territory that does not oversee accusations', () => {
    const accusation = { ...dongtunCase, type: 'accusation', heldBy: ['410726000000:discipline'], accusedUnitId: '410726101000:petition-office' };
    expect(service.canSee(scope('410726101000:petition-office', '410726101000', true, true), accusation)).toBe(false);
    expect(service.canSee(scope('410726101000:government', '410726101000', true, false), accusation)).toBe(false);
    expect(service.canSee(scope('410726000000:petition-bureau', '410726000000', true, true), accusation)).toBe(true);
    expect(service.canSee(scope('410726000000:discipline', '410726000000', false, true), accusation)).toBe(true);
  });
});
