import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseView, ReorderBody } from '../../../shared/api/courses.ts';
import { coursesApi, useCoursesAction } from '../../api/courses.ts';
import { useErrorText } from '../../components/useErrorText.ts';

type Outline = ReorderBody['units'];

function outlineOf(course: CourseView): Outline {
  return course.units.map((u) => ({ id: u.id, lessonIds: u.lessons.map((l) => l.id) }));
}

function swap<T>(list: T[], i: number, j: number): T[] {
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/**
 * Units and their lessons in order. Reordering uses up/down buttons (no drag-and-drop library is installed);
 * each move sends the whole outline, as the API expects after a drag and drop.
 */
export function CourseOutline({ course, canWrite }: { course: CourseView; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [unitTitle, setUnitTitle] = useState('');
  const reorder = useCoursesAction((units: Outline) => coursesApi.reorder(course.id, { units }));
  const addUnit = useCoursesAction((title: string) => coursesApi.addUnit(course.id, title));
  const onError = (e: unknown) => message.error(errorText(e));
  const outline = outlineOf(course);

  const moveUnit = (i: number, by: number) => reorder.mutate(swap(outline, i, i + by), { onError });
  const moveLesson = (u: number, i: number, by: number) =>
    reorder.mutate(
      outline.map((unit, k) => (k === u ? { ...unit, lessonIds: swap(unit.lessonIds, i, i + by) } : unit)),
      { onError },
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {course.units.length === 0 && <Empty description={t('courses.outline.empty')} />}
      {course.units.map((unit, u) => (
        <Card
          key={unit.id}
          size="small"
          data-testid="unit"
          title={t('courses.outline.unitTitle', { n: u + 1, title: unit.title })}
          extra={
            canWrite && (
              <Space>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={u === 0 || reorder.isPending}
                  onClick={() => moveUnit(u, -1)}
                  aria-label={t('courses.outline.up')}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={u === course.units.length - 1 || reorder.isPending}
                  onClick={() => moveUnit(u, 1)}
                  aria-label={t('courses.outline.down')}
                />
              </Space>
            )
          }
        >
          <List
            size="small"
            dataSource={unit.lessons}
            locale={{ emptyText: t('courses.outline.noLessons') }}
            renderItem={(lesson, i) => (
              <List.Item
                data-testid="lesson-row"
                actions={
                  canWrite
                    ? [
                        <Button
                          key="up"
                          size="small"
                          type="text"
                          icon={<ArrowUpOutlined />}
                          disabled={i === 0 || reorder.isPending}
                          onClick={() => moveLesson(u, i, -1)}
                          aria-label={t('courses.outline.up')}
                        />,
                        <Button
                          key="down"
                          size="small"
                          type="text"
                          icon={<ArrowDownOutlined />}
                          disabled={i === unit.lessons.length - 1 || reorder.isPending}
                          onClick={() => moveLesson(u, i, 1)}
                          aria-label={t('courses.outline.down')}
                        />,
                      ]
                    : []
                }
              >
                <span>
                  <Link to={`/courses/${course.id}/lessons/${lesson.id}`}>{`${u + 1}.${i + 1} ${lesson.title}`}</Link>
                  {lesson.durationMinutes !== null && (
                    <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                      {t('courses.lesson.minutes', { count: lesson.durationMinutes })}
                    </Typography.Text>
                  )}
                </span>
              </List.Item>
            )}
          />
          {canWrite && <AddLesson courseId={course.id} unitId={unit.id} />}
        </Card>
      ))}
      {canWrite && (
        <Flex gap="small">
          <Input
            placeholder={t('courses.outline.newUnit')}
            value={unitTitle}
            onChange={(e) => setUnitTitle(e.target.value)}
            maxLength={200}
            style={{ maxWidth: 360 }}
          />
          <Button
            icon={<PlusOutlined />}
            disabled={!unitTitle.trim()}
            loading={addUnit.isPending}
            onClick={() => addUnit.mutate(unitTitle.trim(), { onSuccess: () => setUnitTitle(''), onError })}
          >
            {t('courses.outline.addUnit')}
          </Button>
        </Flex>
      )}
    </Space>
  );
}

function AddLesson({ courseId, unitId }: { courseId: string; unitId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [title, setTitle] = useState('');
  const add = useCoursesAction((lessonTitle: string) => coursesApi.addLesson(courseId, unitId, lessonTitle));
  return (
    <Flex gap="small" style={{ marginTop: 8 }}>
      <Input
        size="small"
        placeholder={t('courses.outline.newLesson')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        maxLength={200}
        style={{ maxWidth: 360 }}
      />
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={!title.trim()}
        loading={add.isPending}
        onClick={() => add.mutate(title.trim(), { onSuccess: () => setTitle(''), onError: (e) => message.error(errorText(e)) })}
      >
        {t('courses.outline.addLesson')}
      </Button>
    </Flex>
  );
}
