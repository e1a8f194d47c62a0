import { useEffect } from 'react';
import { AlbumPage } from './album/AlbumPage';
import { HomePage } from './home/HomePage';
import { NotFoundPage } from './NotFoundPage';
import { ReplayPage } from './replay/ReplayPage';
import { RoomPage } from './room/RoomPage';
import { startSecond } from './lib/routes';
import { navigate, useRoute } from './lib/useRoute';

/** Picks the page for the current address. */
export function App() {
  const route = useRoute();

  useEffect(() => {
    // /r/k7pq2x works, but the address bar shows the code as it is shared: /r/K7PQ2X.
    if ('canonicalPath' in route) {
      navigate(route.canonicalPath + window.location.search, { replace: true });
    }
  }, [route]);

  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'room':
      return <RoomPage key={route.code} code={route.code} />;
    case 'replay':
      return (
        <ReplayPage
          key={`${route.code}/${String(route.canvasRound)}`}
          code={route.code}
          canvasRound={route.canvasRound}
          startAt={startSecond(window.location.search)}
        />
      );
    case 'album':
      return <AlbumPage key={route.code} code={route.code} />;
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}
