import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Popconfirm, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSON_FILE_MAX_BYTES, type LessonView } from '../../../shared/api/courses.ts';
import { coursesApi, useCoursesAction } from '../../api/courses.ts';
import { useErrorText } from '../../components/useErrorText.ts';

const MAX_MB = LESSON_FILE_MAX_BYTES / 1024 / 1024;

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;

/**
 * The lesson's files (worksheets, slides, datasets): anyone who may read the lesson downloads them; the
 * team's writers attach and remove. Too large a file is refused before it is sent; the server's own
 * refusals show translated.
 */
export function LessonFiles({ lesson }: { lesson: LessonView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const remove = useCoursesAction((sha256: string) => coursesApi.removeFile(lesson.courseId, lesson.id, sha256));
  const files = lesson.materials.files;
  return (
    <>
      <List
        size="small"
        dataSource={files}
        locale={{ emptyText: t('courses.files.empty') }}
        renderItem={(f) => (
          <List.Item
            data-testid="lesson-file"
            actions={
              lesson.canWrite
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('courses.files.removeConfirm')}
                      onConfirm={() =>
                        remove.mutate(f.sha256, {
                          onSuccess: () => message.success(t('courses.files.removed')),
                          onError: (e) => message.error(errorText(e)),
                        })
                      }
                    >
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('courses.files.remove')} />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Typography.Link
              href={coursesApi.fileUrl(lesson.courseId, lesson.id, f.sha256)}
              download={f.name}
              aria-label={t('courses.files.download', { name: f.name })}
            >
              <PaperClipOutlined /> {f.name}
            </Typography.Link>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {sizeText(f.size)}
            </Typography.Text>
          </List.Item>
        )}
      />
      {lesson.canWrite && (
        <div style={{ marginTop: 8 }}>
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > LESSON_FILE_MAX_BYTES) {
                message.error(t('courses.files.tooLarge', { name: file.name, size: MAX_MB }));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              const f = file as File;
              setUploading(true);
              coursesApi
                .attachFile(lesson.courseId, lesson.id, f)
                .then((updated) => {
                  onSuccess?.(updated);
                  message.success(t('courses.files.uploaded', { name: f.name }));
                  return qc.invalidateQueries({ queryKey: ['courses'] });
                })
                .catch((e: unknown) => {
                  onError?.(e as Error);
                  message.error(errorText(e));
                })
                .finally(() => setUploading(false));
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="lesson-file-upload">
              {t('courses.files.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {t('courses.files.limit', { size: MAX_MB })}
          </Typography.Text>
        </div>
      )}
    </>
  );
}
