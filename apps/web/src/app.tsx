import { lazy, Suspense } from 'react';
import { useI18n } from './i18n/index.ts';
import { parseRoute, usePathname } from './lib/navigate.ts';
import { StartPage } from './features/start/start-page.tsx';
import { ParticipantApp } from './features/participant/participant-app.tsx';

// The phone never downloads the projector screen or the console.
const ScreenApp = lazy(() => import('./features/screen/screen-app.tsx'));
const ConsoleApp = lazy(() => import('./features/facilitator/console-app.tsx'));
const ReportApp = lazy(() => import('./features/report/report-app.tsx'));
const SeriesApp = lazy(() => import('./features/series/series-app.tsx'));

function Loading() {
  const { t } = useI18n();
  return (
    <main className="center-page" aria-busy="true">
      <p>{t('loading')}</p>
    </main>
  );
}

export function App() {
  const route = parseRoute(usePathname());
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'join':
      return route.code ? <ParticipantApp key={route.code} code={route.code} /> : <StartPage />;
    case 'screen':
      return (
        <Suspense fallback={<Loading />}>
          <ScreenApp key={route.code} code={route.code} />
        </Suspense>
      );
    case 'facilitator':
      return (
        <Suspense fallback={<Loading />}>
          <ConsoleApp key={route.code} code={route.code} />
        </Suspense>
      );
    case 'report':
      return (
        <Suspense fallback={<Loading />}>
          <ReportApp key={route.code} code={route.code} />
        </Suspense>
      );
    case 'series':
      return (
        <Suspense fallback={<Loading />}>
          <SeriesApp key={route.seriesId} seriesId={route.seriesId} plenary={route.plenary} />
        </Suspense>
      );
    case 'not-found':
      return <StartPage />;
  }
}
