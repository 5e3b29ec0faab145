import { CopyOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CourseView } from '../../../shared/api/courses.ts';
import { coursesApi, useCoursesAction } from '../../api/courses.ts';
import { useMe } from '../../api/me.ts';
import { useUiLanguage } from '../../app/language.ts';
import { pickName } from '../../i18n/format.ts';
import { useErrorText } from '../../components/useErrorText.ts';

/**
 * "Adopt for my school" on a course of another school: makes the school's copy (a fork that remembers
 * this course, see the fork tab there) and opens it. Offered once per school; where the school already has
 * a copy, the page links it instead (or says so, when the copy belongs to a colleague's team).
 */
export function CourseAdopt({ course }: { course: CourseView }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const me = useMe();
  const adopt = useCoursesAction((schoolId: string) => coursesApi.fork(course.id, schoolId));
  const { schoolIds, copies } = course.adoption;
  const adopted = new Set(copies.map((c) => c.schoolId));
  const open = schoolIds.filter((s) => !adopted.has(s));
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const school = chosen && open.includes(chosen) ? chosen : open[0];
  const schoolName = (id: string) => {
    const ref = me.data?.memberships.find((m) => m.school?.id === id)?.school;
    return ref ? pickName(ref.names, language) : '';
  };
  return (
    <Space wrap>
      {copies.map((c) =>
        c.canOpen ? (
          <Button key={c.id} icon={<ExportOutlined />} onClick={() => navigate(`/courses/${c.id}`)} data-testid="adopted-copy">
            {t('courses.adopt.copy')}
            {schoolIds.length > 1 && c.schoolId ? ` · ${schoolName(c.schoolId)}` : ''}
          </Button>
        ) : (
          <Tag key={c.id} color="green">
            {t('courses.adopt.copyHidden')}
          </Tag>
        ),
      )}
      {school && (
        <>
          {open.length > 1 && (
            <Select
              aria-label={t('courses.adopt.forSchool')}
              value={school}
              onChange={setChosen}
              style={{ minWidth: 200 }}
              options={open.map((s) => ({ value: s, label: schoolName(s) }))}
            />
          )}
          <Popconfirm
            title={t('courses.adopt.button')}
            description={t('courses.adopt.confirm', { school: schoolName(school) })}
            onConfirm={() =>
              adopt.mutate(school, {
                onSuccess: (copy) => {
                  message.success(t('courses.adopt.done'));
                  navigate(`/courses/${copy.id}`);
                },
                onError: (e) => message.error(errorText(e)),
              })
            }
          >
            <Button type="primary" icon={<CopyOutlined />} loading={adopt.isPending} data-testid="adopt">
              {t('courses.adopt.button')}
            </Button>
          </Popconfirm>
        </>
      )}
    </Space>
  );
}
