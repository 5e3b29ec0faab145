import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Card, Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LessonSummaryView } from '../../../shared/api/courses.ts';
import { lessonDragId, listDragId, unitDragId } from './outline-moves.ts';

/** Up/down buttons: the fallback for whoever cannot or would rather not drag. */
export function MoveButtons(props: { first: boolean; last: boolean; busy: boolean; onMove: (by: -1 | 1) => void; text?: boolean }) {
  const { t } = useTranslation();
  const type = props.text ? 'text' : 'default';
  return (
    <Space size={4}>
      <Button
        size="small"
        type={type}
        icon={<ArrowUpOutlined />}
        disabled={props.first || props.busy}
        onClick={() => props.onMove(-1)}
        aria-label={t('courses.outline.up')}
      />
      <Button
        size="small"
        type={type}
        icon={<ArrowDownOutlined />}
        disabled={props.last || props.busy}
        onClick={() => props.onMove(1)}
        aria-label={t('courses.outline.down')}
      />
    </Space>
  );
}

type Sortable = ReturnType<typeof useSortable>;

function DragHandle({
  activator,
  attributes,
  listeners,
  label,
}: {
  activator: Sortable['setActivatorNodeRef'];
  attributes: Sortable['attributes'];
  listeners: Sortable['listeners'];
  label: string;
}) {
  return (
    <Button
      size="small"
      type="text"
      icon={<HolderOutlined />}
      ref={activator}
      {...attributes}
      {...listeners}
      aria-label={label}
      data-testid="drag-handle"
      style={{ cursor: 'grab', touchAction: 'none' }}
    />
  );
}

const movingStyle = (transform: Sortable['transform'], transition: Sortable['transition'], isDragging: boolean) => ({
  transform: CSS.Translate.toString(transform),
  transition,
  opacity: isDragging ? 0.5 : 1,
  position: 'relative' as const,
  zIndex: isDragging ? 1 : undefined,
});

export function SortableUnit(props: {
  unitId: string;
  title: string;
  n: number;
  canWrite: boolean;
  moveButtons: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: unitDragId(props.unitId),
    disabled: !props.canWrite,
  });
  return (
    <div ref={setNodeRef} style={movingStyle(transform, transition, isDragging)}>
      <Card
        size="small"
        data-testid="unit"
        title={
          <Flex align="center" gap={4}>
            {props.canWrite && (
              <DragHandle
                activator={setActivatorNodeRef}
                attributes={attributes}
                listeners={listeners}
                label={t('courses.outline.dragUnit', { title: props.title })}
              />
            )}
            <span>{t('courses.outline.unitTitle', { n: props.n, title: props.title })}</span>
          </Flex>
        }
        extra={props.canWrite && props.moveButtons}
      >
        {props.children}
      </Card>
    </div>
  );
}

/** A unit's lessons; the list itself is a drop target so a lesson can be moved into an empty unit. */
export function LessonList(props: { unitId: string; lessonIds: string[]; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = props.lessonIds.length === 0;
  const { setNodeRef } = useDroppable({ id: listDragId(props.unitId), data: { empty } });
  return (
    <SortableContext items={props.lessonIds.map(lessonDragId)} strategy={verticalListSortingStrategy}>
      <div ref={setNodeRef} style={{ minHeight: 32 }}>
        {empty ? (
          <Typography.Text type="secondary" style={{ display: 'block', padding: '6px 0' }}>
            {t('courses.outline.noLessons')}
          </Typography.Text>
        ) : (
          props.children
        )}
      </div>
    </SortableContext>
  );
}

export function SortableLesson(props: {
  courseId: string;
  lesson: LessonSummaryView;
  label: string;
  canWrite: boolean;
  moveButtons: ReactNode;
}) {
  const { t } = useTranslation();
  const { lesson } = props;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: lessonDragId(lesson.id),
    disabled: !props.canWrite,
  });
  return (
    <Flex
      ref={setNodeRef}
      style={{
        ...movingStyle(transform, transition, isDragging),
        padding: '6px 0',
        borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
        background: 'inherit',
      }}
      align="center"
      justify="space-between"
      gap="small"
      data-testid="lesson-row"
    >
      <Flex align="center" gap={4}>
        {props.canWrite && (
          <DragHandle
            activator={setActivatorNodeRef}
            attributes={attributes}
            listeners={listeners}
            label={t('courses.outline.dragLesson', { title: lesson.title })}
          />
        )}
        <Link to={`/courses/${props.courseId}/lessons/${lesson.id}`}>{`${props.label} ${lesson.title}`}</Link>
        {lesson.durationMinutes !== null && (
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {t('courses.lesson.minutes', { count: lesson.durationMinutes })}
          </Typography.Text>
        )}
      </Flex>
      {props.canWrite && props.moveButtons}
    </Flex>
  );
}
