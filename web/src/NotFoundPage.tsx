import { useEffect } from 'react';
import { Link } from './lib/Link';

/** Any address the app does not know, such as a mistyped room code. */
export function NotFoundPage({ path }: { path: string }) {
  useEffect(() => {
    document.title = 'Not found · Scrawl';
  }, []);
  const looksLikeRoom = path.startsWith('/r/');
  return (
    <main className="home">
      <header className="home-header">
        <Link href="/" className="brand brand--large">
          Scrawl
        </Link>
        <h1 className="tagline">
          {looksLikeRoom ? 'That is not a room code.' : 'There is nothing at this address.'}
        </h1>
      </header>
      <div className="card">
        <p>
          {looksLikeRoom
            ? 'Room codes are 6 letters or digits, like K7PQ2X. Check the link you were sent.'
            : 'The link may be old or mistyped.'}
        </p>
        <Link href="/" className="button button--primary button--wide">
          Go to the start page
        </Link>
      </div>
    </main>
  );
}
