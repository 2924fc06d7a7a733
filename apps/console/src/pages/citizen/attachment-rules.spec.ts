import { describe, expect, it } from '@jest/globals';

import { refusal } from './attachment-rules';

describe('the portal’s check of an attachment before sending it', () => {
  it('takes photos and PDF up to 5 MB, by type or by name', () => {
    expect(refusal({ name: '现场.jpg', type: 'image/jpeg', size: 1024 })).toBeNull();
    expect(refusal({ name: '工资条.PDF', type: '', size: 5 * 1024 * 1024 })).toBeNull();
    expect(refusal({ name: 'scan', type: 'image/png', size: 10 })).toBeNull();
  });

  it('refuses other files and files past 5 MB, in plain Chinese', () => {
    expect(refusal({ name: 'setup.exe', type: 'application/octet-stream', size: 2 })).toBe('“setup.exe”不是照片或 PDF 文件');
    expect(refusal({ name: '视频.png', type: 'image/png', size: 5 * 1024 * 1024 + 1 })).toBe('“视频.png”超过 5 MB，请压缩后再上传');
  });
});
