import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTrainingAction, type Submission } from '../../api/training.ts';
import { useErrorText } from '../../components/useErrorText.ts';

/** A file handed in with a submission, as training.submission-files.service.ts presents it. */
export interface SubmissionFile {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  url: string;
}

const filesOf = (s: Submission) => (s as Submission & { files?: SubmissionFile[] }).files ?? [];
const MAX_FILES = 5;

/**
 * The files of one submission as download links (teacher and assessor alike); the teacher may add files while
 * the attempt awaits review. The server decides type and size; its refusal is shown translated.
 */
export function SubmissionFiles({ submission, canUpload }: { submission: Submission; canUpload: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const files = filesOf(submission);
  const upload = useTrainingAction<FormData>(
    () => `/api/v1/training/submissions/${submission.id}/files`,
    (form) => form,
  );
  const open = canUpload && submission.status === 'submitted' && files.length < MAX_FILES;
  if (!files.length && !open) return null;
  return (
    <Space direction="vertical" size={2} style={{ marginTop: 4 }} data-testid="submission-files">
      {files.map((f) => (
        <Typography.Link key={f.id} href={f.url} download={f.filename}>
          <PaperClipOutlined /> {f.filename} ({Math.max(1, Math.round(f.size / 1024))} KB)
        </Typography.Link>
      ))}
      {open && (
        <Upload
          showUploadList={false}
          accept=".pdf,.docx,.pptx,.xlsx,.png,.jpg,.jpeg,.mp4,.txt"
          customRequest={({ file, onSuccess, onError }) => {
            const form = new FormData();
            form.append('file', file as Blob, (file as File).name);
            upload.mutate(form, {
              onSuccess: (r) => onSuccess?.(r),
              onError: (e) => {
                message.error(errorText(e));
                onError?.(e as Error);
              },
            });
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid="submission-attach">
            {t('training.assignment.attach')}
          </Button>
        </Upload>
      )}
      {open && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('training.assignment.attachHint')}
        </Typography.Text>
      )}
    </Space>
  );
}
