import { callerKeyValues } from './repeat-detector.service';

describe('callerKeyValues', () => {
  it('keys a phone by its digits, without the country code, and a name without spaces', () => {
    expect(callerKeyValues({ name: '王 二', phone: '+86 139-1234-5678' })).toEqual({ phone: 'phone:13912345678', name: 'name:王二' });
    expect(callerKeyValues({ name: '王二', phone: '13912345678' })).toEqual({ phone: 'phone:13912345678', name: 'name:王二' });
    expect(callerKeyValues({ name: '王二', phone: '0373-7654321' })).toEqual({ phone: 'phone:03737654321', name: 'name:王二' });
  });

  it('has no phone key without a phone', () => {
    expect(callerKeyValues({ name: '赵春花' })).toEqual({ phone: null, name: 'name:赵春花' });
  });
});
