// The page shown once, right after installation: what the extension does and how to reach it.
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { Shortcuts } from '@/components/Shortcuts';
import { t, uiLanguage } from '@/platform/i18n';

function Welcome() {
  useEffect(() => {
    document.title = t('welcomeTitle');
  }, []);
  return (
    <main>
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      <p>{t('welcomeMenu')}</p>
      <p>{t('welcomePrivacy')}</p>
      <Shortcuts />
    </main>
  );
}

document.documentElement.lang = uiLanguage();
render(<Welcome />, document.getElementById('app')!);
