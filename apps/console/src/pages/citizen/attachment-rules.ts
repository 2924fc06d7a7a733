// What the portal lets a petitioner pick as an attachment, checked in the page before anything is sent; intake's answer
// decides (type by content, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES).

/** What the portal offers to pick (intake also takes plain text; the portal asks for photos and PDF). */
export const ACCEPT = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';
export const TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
/** Intake's default ATTACHMENT_MAX_BYTES; intake's answer decides, this only spares a hopeless upload. */
export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_FILES = 10;

/** The reason the page refuses a file before sending it, or null. */
export function refusal(file: { name: string; type: string; size: number }): string | null {
  if (!TYPES.includes(file.type) && !/\.(jpe?g|png|pdf)$/i.test(file.name)) return `“${file.name}”不是照片或 PDF 文件`;
  if (file.size > MAX_BYTES) return `“${file.name}”超过 ${MAX_BYTES / 1024 / 1024} MB，请压缩后再上传`;
  return null;
}
