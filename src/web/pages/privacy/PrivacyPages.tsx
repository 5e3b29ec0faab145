import { Segmented } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';

const WorkbenchPage = lazy(() => import('./WorkbenchPage.tsx'));
const AgreementsPage = lazy(() => import('./AgreementsPage.tsx'));
const PoliciesPage = lazy(() => import('./PoliciesPage.tsx'));
const RedactPage = lazy(() => import('./RedactPage.tsx'));

const SECTIONS = [
  { key: '', label: 'privacy.sections.workbench' },
  { key: 'agreements', label: 'privacy.sections.agreements' },
  { key: 'policies', label: 'privacy.sections.policies' },
  { key: 'redact', label: 'privacy.sections.redact' },
] as const;

/**
 * The data-sharing section (/data-sharing/*): the de-identification workbench, sharing agreements,
 * the jurisdiction's policies and the free-text redaction tool, switched by one row of buttons.
 */
export default function PrivacyPages() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = SECTIONS.find((s) => s.key && pathname.startsWith(`/data-sharing/${s.key}`))?.key ?? '';
  return (
    <>
      <Segmented
        style={{ marginBottom: 16 }}
        value={current}
        onChange={(key) => navigate(key ? `/data-sharing/${key}` : '/data-sharing')}
        options={SECTIONS.map((s) => ({ value: s.key, label: t(s.label) }))}
        data-testid="privacy-sections"
      />
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route index element={<WorkbenchPage />} />
          <Route path="agreements" element={<AgreementsPage />} />
          <Route path="policies" element={<PoliciesPage />} />
          <Route path="redact" element={<RedactPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
