import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { BureauAggregates } from './BureauAggregates.tsx';
import { ClassesTab, ObjectionsTab, ReviewTab } from './StaffViews.tsx';
import { StudentRecord } from './StudentRecord.tsx';

/**
 * The growth record (综合素质评价 / student learning profile): one page, with the tabs the reader's roles
 * call for — a student's own record; a teacher's classes, review queue and objections; a principal's
 * sign-off; a bureau's aggregates.
 */
export default function GrowthPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const tabs = [
    hasAnyRole(me, ['student']) && { key: 'mine', label: t('growth.tabs.mine'), children: <StudentRecord /> },
    hasAnyRole(me, ['teacher', 'principal']) && { key: 'classes', label: t('growth.tabs.classes'), children: <ClassesTab /> },
    hasAnyRole(me, ['teacher']) && { key: 'review', label: t('growth.tabs.review'), children: <ReviewTab /> },
    hasAnyRole(me, ['teacher', 'principal']) && { key: 'objections', label: t('growth.tabs.objections'), children: <ObjectionsTab /> },
    hasAnyRole(me, ['bureau_admin', 'platform_admin']) && {
      key: 'aggregates',
      label: t('growth.tabs.aggregates'),
      children: <BureauAggregates />,
    },
  ].filter((x): x is { key: string; label: string; children: React.JSX.Element } => Boolean(x));
  return (
    <>
      <PageHeader title={t('growth.title')}>{t('growth.intro')}</PageHeader>
      <Tabs items={tabs} destroyOnHidden />
    </>
  );
}
