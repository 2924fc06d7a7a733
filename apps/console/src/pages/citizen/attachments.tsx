import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, List, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';

import { intake } from '../../api/client';
import { ACCEPT, MAX_BYTES, MAX_FILES, refusal } from './attachment-rules';
import { CitizenError, useWait } from './CitizenError';
import { citizenErrorText, publicCall } from './publicApi';

// 网上信访的附件: photos and documents the petitioner adds to their case (intake's POST /public/cases/attachments, by
// case number + query code, rate limited like every public endpoint). Intake checks the type by the file's content and
// the size (413 past its limit); the page refuses the obvious cases first so nothing is sent in vain.

interface Key {
  readonly caseNumber: string;
  readonly queryCode: string;
}

export interface Uploaded {
  readonly caseNumber: string;
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
}

/** One file's outcome: added, or the plain-Chinese reason it was not. */
export interface AttachmentResult {
  readonly name: string;
  readonly error: string | null;
}

export function uploadAttachment(key: Key, file: File): Promise<Uploaded> {
  return publicCall<Uploaded>(
    intake.POST('/public/cases/attachments', {
      body: { caseNumber: key.caseNumber, queryCode: key.queryCode, file: file.name },
      // The key first: intake reads the fields sent before the file.
      bodySerializer: () => {
        const form = new FormData();
        form.append('caseNumber', key.caseNumber);
        form.append('queryCode', key.queryCode);
        form.append('file', file, file.name);
        return form;
      },
    }),
  );
}

/** Uploads the files one after another; each one's outcome, never a thrown error (the petition itself is in). */
export async function uploadAll(key: Key, files: readonly File[]): Promise<AttachmentResult[]> {
  const results: AttachmentResult[] = [];
  for (const file of files) {
    try {
      await uploadAttachment(key, file);
      results.push({ name: file.name, error: null });
    } catch (e) {
      results.push({ name: file.name, error: citizenErrorText(e) });
    }
  }
  return results;
}

/** The picker inside a form (value: antd's file list); files stay in the browser until the petition is in. */
export function AttachmentPicker({ value, onChange }: { value?: UploadFile[]; onChange?: (files: UploadFile[]) => void }) {
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <>
      <Upload
        multiple
        accept={ACCEPT}
        fileList={value ?? []}
        maxCount={MAX_FILES}
        beforeUpload={(file) => {
          const why = refusal(file);
          setRefused(why);
          return why ? Upload.LIST_IGNORE : false;
        }}
        onChange={({ fileList }) => onChange?.(fileList)}
      >
        <Button data-testid="citizen-attach">选择照片或 PDF</Button>
      </Upload>
      {refused ? <Alert type="error" showIcon style={{ marginTop: 8 }} title={refused} data-testid="citizen-attach-refused" /> : null}
    </>
  );
}

/** Each file's outcome after the petition was submitted. */
export function AttachmentResults({ results }: { results: readonly AttachmentResult[] }) {
  if (!results.length) return null;
  return (
    <List
      size="small"
      data-testid="citizen-attachment-results"
      header="附件"
      dataSource={[...results]}
      renderItem={(r) => (
        <List.Item>
          <Typography.Text>{r.name}</Typography.Text>
          {r.error ? (
            <Typography.Text type="danger">未上传：{r.error}</Typography.Text>
          ) : (
            <Typography.Text type="success">已上传</Typography.Text>
          )}
        </List.Item>
      )}
    />
  );
}

/** 补充材料: more photos or documents for a case already in, from the progress page. */
export function AddAttachmentsCard({ caseKey }: { caseKey: Key }) {
  const qc = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const upload = useMutation({
    mutationFn: () =>
      uploadAll(
        caseKey,
        files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f),
      ),
    onSuccess: (results) => {
      setFiles([]);
      if (results.some((r) => !r.error)) void qc.invalidateQueries({ queryKey: ['public-progress'] });
    },
  });
  const waiting = useWait(upload.error);
  return (
    <Card size="small" title="补充材料" data-testid="add-attachments">
      <Typography.Paragraph type="secondary">
        可上传照片（JPG、PNG）或 PDF，每个不超过 {MAX_BYTES / 1024 / 1024} MB，每件信访事项最多 {MAX_FILES} 个。
      </Typography.Paragraph>
      <CitizenError error={upload.error} />
      <AttachmentPicker value={files} onChange={setFiles} />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        disabled={!files.length || waiting}
        loading={upload.isPending}
        onClick={() => upload.mutate()}
        data-testid="add-attachments-submit"
      >
        上传
      </Button>
      <AttachmentResults results={upload.data ?? []} />
    </Card>
  );
}
