import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePairs } from '../../api/network.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PairList } from './PairList.tsx';

/** My pairs: every pair of my school (or, for a bureau, of the schools in its area), newest first. */
export default function PairsPage() {
  const { t } = useTranslation();
  const pairs = usePairs();
  return (
    <>
      <PageHeader
        title={t('network.pairs.title')}
        extra={
          <Link to="/network/schools">
            <Button type="primary">{t('network.home.findPartner')}</Button>
          </Link>
        }
      >
        {t('network.pairs.intro')}
      </PageHeader>
      <ErrorAlert error={pairs.error} />
      <PairList pairs={pairs.data?.items ?? []} />
    </>
  );
}
