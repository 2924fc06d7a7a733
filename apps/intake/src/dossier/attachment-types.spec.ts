import { sniffAttachmentType } from './attachment-types';

describe('sniffAttachmentType', () => {
  it('recognises PDF, JPEG, PNG and UTF-8 text by their bytes', () => {
    expect(sniffAttachmentType(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffAttachmentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(sniffAttachmentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffAttachmentType(Buffer.from('工资欠条：老板欠我三个月工资。'))).toBe('text/plain');
  });

  it('refuses executables, archives and binary junk whatever their declared type', () => {
    expect(sniffAttachmentType(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toBeNull();
    expect(sniffAttachmentType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBeNull();
    expect(sniffAttachmentType(Buffer.from([0xc3, 0x28]))).toBeNull();
    expect(sniffAttachmentType(Buffer.alloc(0))).toBeNull();
  });
});
