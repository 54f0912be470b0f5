import { useEffect } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { OfflineBanners, OfflineStatus } from '../components/OfflineStatus';
import { SettingsMenu } from '../components/SettingsMenu';
import { useOffline } from '../hooks/useOffline';
import { applyUpdate, saveEverything, startOffline } from '../offline/status';
import { useSettings } from '../hooks/useSettings';
import { SITE_NAME } from '../components/PageMeta';
import { useClientLinks } from '../hooks/useClientLinks';
import { useRenderedMark } from '../hooks/useRenderedMark';
import { paths } from '../paths';
import { HeaderSearch } from './headerSearch';
import { useArchive } from './rootData';

/** The frame around every page: skip link, header with navigation, main, footer. */
export function Layout() {
  useClientLinks(import.meta.env.BASE_URL.replace(/\/$/, ''));
  const [settings, setSettings, saved] = useSettings();
  const archive = useArchive();
  const offline = useOffline();
  useRenderedMark();
  useEffect(() => {
    startOffline(archive);
  }, [archive]);

  return (
    <>
      <ScrollRestoration />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to={paths.home.build()} className="site-name">
          {SITE_NAME}
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to={paths.home.build()} end>
                All essays
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.tags.build()}>Tags</NavLink>
            </li>
            <li>
              <NavLink to={paths.themes.build()}>Themes</NavLink>
            </li>
            <li>
              <NavLink to={paths.highlights.build()}>Highlights</NavLink>
            </li>
          </ul>
        </nav>
        <HeaderSearch count={archive.count} />
        <SettingsMenu settings={settings} onChange={setSettings} saved={saved} />
      </header>
      <OfflineBanners state={offline} onUpdate={() => void applyUpdate()} />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <OfflineStatus state={offline} onSaveAll={saveEverything} />
        <p>
          <Link to={paths.library.build()}>Your highlights, data and books</Link>
        </p>
      </footer>
    </>
  );
}
