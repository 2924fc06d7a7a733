import { Spin } from 'antd';
import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';

import { Layout } from './Layout';

// Each page is its own chunk, loaded when first opened.
function page(load: () => Promise<{ default: ComponentType }>) {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Spin style={{ margin: 48 }} />}>
      <Page />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: page(() => import('./pages/SignInPage')) },
  { path: '/public', element: page(() => import('./pages/citizen/CitizenPortal')) },
  { path: '/print/:caseId/:documentId', element: page(() => import('./pages/PrintPage')) },
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/inbox" replace /> },
      { path: 'register', element: page(() => import('./pages/RegisterPage')) },
      { path: 'inbox', element: page(() => import('./pages/InboxPage')) },
      { path: 'desk', element: page(() => import('./pages/DeskPage')) },
      { path: 'supervision', element: page(() => import('./pages/supervision/SupervisionPage')) },
      { path: 'cockpit', element: page(() => import('./pages/cockpit/CockpitPage')) },
      { path: 'ops', element: page(() => import('./pages/ops/OpsPage')) },
      { path: 'cases/:caseId', element: page(() => import('./pages/CasePage')) },
      { path: '*', element: <Navigate to="/inbox" replace /> },
    ],
  },
]);
