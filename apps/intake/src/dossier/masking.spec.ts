import { maskAddress, maskPhone } from './masking';

describe('dossier masking', () => {
  it('keeps the first 3 and last 4 digits of a phone', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskPhone(null)).toBeNull();
  });

  it('keeps at most 6 characters, and at most half, of an address', () => {
    expect(maskAddress('延津县东屯镇幸福路88号')).toBe('延津县东屯镇******');
    expect(maskAddress('延津县城关镇')).toBe('延津县***');
    expect(maskAddress('某村')).toBe('某**');
    expect(maskAddress(null)).toBeNull();
  });
});
