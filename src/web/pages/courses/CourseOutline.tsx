import { PlusOutlined } from '@ant-design/icons';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Input, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseView, LessonSummaryView } from '../../../shared/api/courses.ts';
import { ApiError } from '../../api/client.ts';
import { coursesApi, useCoursesAction } from '../../api/courses.ts';
import { useErrorText } from '../../components/useErrorText.ts';
import { applyDrop, moveLessonAcross, parseDragId, sameOutline, swap, unitDragId, type Outline } from './outline-moves.ts';
import { LessonList, MoveButtons, SortableLesson, SortableUnit } from './SortableOutline.tsx';

function outlineOf(course: CourseView): Outline {
  return course.units.map((u) => ({ id: u.id, lessonIds: u.lessons.map((l) => l.id) }));
}

/**
 * A unit is dropped among units only; a lesson among lessons, or on an empty unit's list (a non-empty list's
 * centre would otherwise compete with the lessons inside it).
 */
const outlineCollisions: CollisionDetection = (args) => {
  const dragging = parseDragId(args.active.id).kind;
  const droppableContainers = args.droppableContainers.filter((c) => {
    const kind = parseDragId(c.id).kind;
    if (dragging === 'unit') return kind === 'unit';
    return kind === 'lesson' || (kind === 'list' && c.data.current?.empty === true);
  });
  return closestCenter({ ...args, droppableContainers });
};

/**
 * Units and their lessons in order. Drag a handle (mouse, touch, or keyboard: Space, arrows, Space) to
 * reorder units, reorder lessons, or move a lesson to another unit; the up/down buttons do the same for
 * whoever prefers them. Each move sends the whole outline with the outline version it was made on, so a
 * co-author's reorder that landed first is not silently undone (412 → the current outline is shown).
 */
export function CourseOutline({ course, canWrite }: { course: CourseView; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [unitTitle, setUnitTitle] = useState('');
  // While dragging and until the server answers, the outline shown is this local one.
  const [draft, setDraft] = useState<Outline | null>(null);
  const reorder = useCoursesAction((units: Outline) => coursesApi.reorder(course.id, course.outlineVersion, { units }));
  const addUnit = useCoursesAction((title: string) => coursesApi.addUnit(course.id, title));
  const onError = (e: unknown) => message.error(errorText(e));
  const saved = outlineOf(course);
  const outline = draft ?? saved;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const units = useMemo(() => new Map(course.units.map((u) => [u.id, u])), [course.units]);
  const lessons = useMemo(
    () => new Map<string, LessonSummaryView>(course.units.flatMap((u) => u.lessons.map((l) => [l.id, l] as const))),
    [course.units],
  );
  const titleOf = (dragId: UniqueIdentifier) => {
    const { kind, id } = parseDragId(dragId);
    return (kind === 'lesson' ? lessons.get(id)?.title : units.get(id)?.title) ?? '';
  };

  const commit = (next: Outline) => {
    if (sameOutline(next, saved)) return setDraft(null);
    setDraft(next);
    reorder.mutate(next, {
      onSuccess: () => void message.success(t('courses.outline.saved')),
      onError: (e) => {
        if (e instanceof ApiError && e.status === 412) message.warning(t('courses.outline.staleOrder'));
        else onError(e);
        void qc.invalidateQueries({ queryKey: ['courses'] });
      },
      onSettled: () => setDraft(null),
    });
  };
  const moveUnit = (i: number, by: number) => commit(swap(outline, i, i + by));
  const moveLesson = (u: number, i: number, by: number) =>
    commit(outline.map((unit, k) => (k === u ? { ...unit, lessonIds: swap(unit.lessonIds, i, i + by) } : unit)));

  const onDragOver = ({ active, over }: DragOverEvent) => {
    const { kind, id } = parseDragId(active.id);
    if (kind !== 'lesson' || !over) return;
    setDraft((d) => {
      const current = d ?? saved;
      const next = moveLessonAcross(current, id, over.id);
      return next === current ? d : next;
    });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => commit(over ? applyDrop(outline, active.id, over.id) : outline);

  const positionText = (dragId: UniqueIdentifier, overId: UniqueIdentifier) => {
    const over = parseDragId(overId);
    if (over.kind === 'list') return t('courses.outline.overUnit', { title: titleOf(dragId), unit: units.get(over.id)?.title ?? '' });
    const list = over.kind === 'unit' ? outline.map((u) => u.id) : (outline.find((u) => u.lessonIds.includes(over.id))?.lessonIds ?? []);
    return t('courses.outline.over', { title: titleOf(dragId), n: list.indexOf(over.id) + 1, total: list.length });
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('courses.outline.picked', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? positionText(active.id, over.id) : undefined),
    onDragEnd: ({ active }) => t('courses.outline.dropped', { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t('courses.outline.cancelled', { title: titleOf(active.id) }),
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {course.units.length === 0 && <Empty description={t('courses.outline.empty')} />}
      <DndContext
        sensors={sensors}
        collisionDetection={outlineCollisions}
        onDragStart={() => setDraft(outline)}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDraft(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('courses.outline.dragHelp') } }}
      >
        <SortableContext items={outline.map((u) => unitDragId(u.id))} strategy={verticalListSortingStrategy}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            {outline.map((entry, u) => {
              const unit = units.get(entry.id);
              if (!unit) return null;
              return (
                <SortableUnit
                  key={entry.id}
                  unitId={entry.id}
                  title={unit.title}
                  n={u + 1}
                  canWrite={canWrite}
                  moveButtons={
                    <MoveButtons
                      first={u === 0}
                      last={u === outline.length - 1}
                      busy={reorder.isPending}
                      onMove={(by) => moveUnit(u, by)}
                    />
                  }
                >
                  <LessonList unitId={entry.id} lessonIds={entry.lessonIds}>
                    {entry.lessonIds.map((lessonId, i) => {
                      const lesson = lessons.get(lessonId);
                      if (!lesson) return null;
                      return (
                        <SortableLesson
                          key={lessonId}
                          courseId={course.id}
                          lesson={lesson}
                          label={`${u + 1}.${i + 1}`}
                          canWrite={canWrite}
                          moveButtons={
                            <MoveButtons
                              text
                              first={i === 0}
                              last={i === entry.lessonIds.length - 1}
                              busy={reorder.isPending}
                              onMove={(by) => moveLesson(u, i, by)}
                            />
                          }
                        />
                      );
                    })}
                  </LessonList>
                  {canWrite && <AddLesson courseId={course.id} unitId={entry.id} />}
                </SortableUnit>
              );
            })}
          </Space>
        </SortableContext>
      </DndContext>
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
